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

/* A story page whose briefing is still being built: ask the server (a long poll, so no timer
   spins) until it is ready, then reload; a failed build is shown as its one line. */
(function () {
  "use strict";
  var pending = document.getElementById("briefing-pending");
  var url = pending && pending.getAttribute("data-status");
  if (!url) return;
  function show(message) {
    pending.classList.add("failed");
    pending.setAttribute("role", "alert");
    pending.querySelector("p").textContent = message;
  }
  function ask() {
    fetch(url + (url.indexOf("?") < 0 ? "?" : "&") + "wait=25", {
      headers: { Accept: "application/json" }, credentials: "same-origin"
    }).then(function (response) {
      return response.ok ? response.json() : Promise.reject(response.status);
    }).then(function (state) {
      if (state.status === "ready") window.location.reload();
      else if (state.status === "failed")
        show("Building the briefing failed: " + state.error + " Reload the page to try again.");
      else ask();
    }, function () {
      show("The server did not answer; reload the page to see the briefing.");
    });
  }
  ask();
})();
