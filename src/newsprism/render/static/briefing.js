/* newsprism briefing page: link briefing items to their highlighted passages.
   Only reads our own data-ref / data-refs ids and sets textContent: article text is never parsed. */
(function () {
  "use strict";
  var REF = /^[a-z]\d+$/;
  var narrow = window.matchMedia("(max-width: 900px)");
  var explain = document.getElementById("explain");
  var back = document.getElementById("back");
  var current = null;

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }
  function itemFor(ref) {
    return REF.test(ref) ? document.querySelector('.brief [data-ref="' + ref + '"]') : null;
  }
  function clear() {
    each(".active", function (el) { el.classList.remove("active"); });
    current = null;
    back.hidden = true;
  }
  function hideExplain() {
    explain.hidden = true;
  }
  function short(text) {
    text = text.replace(/\s+/g, " ").trim();
    return text.length > 140 ? text.slice(0, 139) + "…" : text;
  }

  // from: "item" (clicked in the briefing), "mark" (chosen from a passage), "link" (URL hash)
  function activate(ref, from) {
    var item = itemFor(ref);
    hideExplain();
    if (!item) return;
    if (current === ref && from === "item") {
      clear();
      history.replaceState(null, "", location.pathname + location.search);
      return;
    }
    clear();
    current = ref;
    item.classList.add("active");
    each('mark[data-refs~="' + ref + '"]', function (mark) { mark.classList.add("active"); });
    history.replaceState(null, "", "#" + ref);
    var first = null;
    each(".source", function (source) {
      var mark = source.querySelector("mark.active");
      if (!mark) return;
      first = first || mark;
      if (!narrow.matches) {
        source.scrollTo({ top: Math.max(0, mark.offsetTop - source.clientHeight / 3), behavior: "smooth" });
      }
    });
    if (from !== "item") item.scrollIntoView({ block: "nearest", behavior: "smooth" });
    if (narrow.matches && first && from === "item") {
      first.scrollIntoView({ block: "center", behavior: "smooth" });
      back.hidden = false;
    }
  }

  function showExplain(mark, event) {
    explain.textContent = "";
    var heading = document.createElement("h4");
    heading.textContent = "This passage supports";
    explain.appendChild(heading);
    mark.getAttribute("data-refs").split(" ").forEach(function (ref) {
      var item = itemFor(ref);
      if (!item) return;
      var button = document.createElement("button");
      var label = document.createElement("b");
      var text = item.querySelector(".txt");
      button.type = "button";
      label.textContent = item.getAttribute("data-label");
      button.appendChild(label);
      button.appendChild(document.createTextNode(short(text ? text.textContent : "")));
      button.addEventListener("click", function () { activate(ref, "mark"); });
      explain.appendChild(button);
    });
    explain.hidden = false;
    var left = Math.min(Math.max(8, event.clientX - 24), window.innerWidth - explain.offsetWidth - 8);
    var top = event.clientY + 14;
    if (top + explain.offsetHeight > window.innerHeight - 8) {
      top = Math.max(8, event.clientY - explain.offsetHeight - 14);
    }
    explain.style.left = left + "px";
    explain.style.top = top + "px";
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    var mark = target.closest("mark.hl");
    if (mark) {
      showExplain(mark, event);
      return;
    }
    var item = target.closest(".brief [data-ref]");
    if (item && !target.closest("a")) {
      activate(item.getAttribute("data-ref"), "item");
    } else if (!target.closest("#explain")) {
      hideExplain();
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      hideExplain();
      clear();
      return;
    }
    var item = event.target.closest && event.target.closest(".brief [data-ref]");
    if (item && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      activate(item.getAttribute("data-ref"), "item");
    }
  });
  back.addEventListener("click", function () {
    var item = current && itemFor(current);
    back.hidden = true;
    if (item) item.scrollIntoView({ block: "center", behavior: "smooth" });
  });
  if (location.hash.length > 1) activate(location.hash.slice(1), "link");
})();
