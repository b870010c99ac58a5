/* newsprism web app: clicking an actor in the entity graph lights up its mentions in every
   source, through the briefing's own entity row (briefing.js does the highlighting).
   Reads only our own attributes and compares text; never parses article text as HTML. */
(function () {
  "use strict";
  function rowFor(name) {
    var rows = document.querySelectorAll("#entities tr.item");
    for (var i = 0; i < rows.length; i++) {
      var strong = rows[i].querySelector(".txt strong");
      if (strong && strong.textContent === name) return rows[i];
    }
    return null;
  }
  function choose(node) {
    var row = rowFor(node.getAttribute("data-entity"));
    var wasActive = node.classList.contains("active");
    Array.prototype.forEach.call(document.querySelectorAll(".graph .node.active"), function (n) {
      n.classList.remove("active");
    });
    if (!row) return;
    row.click();
    if (!wasActive) {
      node.classList.add("active");
      row.scrollIntoView({ block: "nearest", behavior: "smooth" });
    }
  }
  document.addEventListener("click", function (event) {
    var node = event.target.closest && event.target.closest(".graph .node");
    if (node) choose(node);
  });
  document.addEventListener("keydown", function (event) {
    var node = event.target.closest && event.target.closest(".graph .node");
    if (node && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      choose(node);
    }
  });
})();
