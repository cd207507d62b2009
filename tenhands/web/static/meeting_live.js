/* The meeting's live tools (see tenhands/api/web/meeting_live.py); they work without
   this script, as plain forms that come back to the meeting page.
   - the panel stays on the screen under the toolbar; one form open at a time, the
     first field takes the focus; Escape or a click outside closes the panel;
   - the forms are sent for the map and mode shown now (the page switches without
     reloading, and says which in its address);
   - the sex is asked only for a word that does not say it;
   - a map shown again after a person was moved on another map of the same view is
     loaded again, so it shows the move too. */
(function () {
  "use strict";
  var tools = document.getElementById("meeting-tools");
  if (!tools) { return; }
  var tool = document.getElementById("live-tools");
  if (!tool) { return; }
  var pop = tool.querySelector(".live-pop");
  var parts = Array.prototype.slice.call(tool.querySelectorAll("details.live-part"));

  // The panel lies just under the toolbar, as far left as its button allows while
  // staying on the screen (the toolbar may wrap, the window may be narrow).
  function place() {
    if (!tool.open) { return; }
    var at = tool.querySelector("summary").getBoundingClientRect();
    var width = pop.getBoundingClientRect().width;
    var left = Math.max(8, Math.min(at.left, window.innerWidth - width - 8));
    pop.classList.add("is-placed");
    pop.style.top = Math.round(at.bottom + 6) + "px";
    pop.style.left = Math.round(left) + "px";
    pop.style.maxHeight = Math.max(160, window.innerHeight - at.bottom - 16) + "px";
  }
  tool.addEventListener("toggle", function () {
    place();
    if (tool.open && !parts.some(function (d) { return d.open; })) {
      tool.querySelector(".live-part > summary").focus();
    }
  });
  window.addEventListener("resize", place);
  parts.forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (!d.open) { return; }
      parts.forEach(function (o) { if (o !== d) { o.open = false; } });
      var first = d.querySelector("input:not([type=hidden]), select");
      if (first) { first.focus(); }
    });
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape" || !tool.open) { return; }
    tool.open = false;
    tool.querySelector("summary").focus();
  });
  document.addEventListener("click", function (e) {  // a click elsewhere on the page
    if (tool.open && !tool.contains(e.target)) { tool.open = false; }
  });

  Array.prototype.slice.call(tools.querySelectorAll("form")).forEach(function (form) {
    form.addEventListener("submit", function () {
      var here = new URLSearchParams(window.location.search);
      ["view", "mode"].forEach(function (name) {
        var field = form.querySelector("input[type=hidden][name=" + name + "]");
        if (field && here.get(name)) { field.value = here.get(name); }
      });
    });
  });

  var named = document.getElementById("f-named");
  var sex = document.getElementById("f-sex");
  var add = document.getElementById("live-add");
  var gendered = ((add && add.getAttribute("data-gendered")) || "").split(" ");
  if (named && sex) {
    var sexField = sex.closest(".field");
    var fit = function () {
      var says = gendered.indexOf(named.value) >= 0;
      sexField.hidden = says;
      if (says) { sex.value = ""; }
    };
    named.addEventListener("change", fit);
    fit();
  }

  var frames = Array.prototype.slice.call(document.querySelectorAll("iframe[data-view][data-mode]"));
  frames.forEach(function (f) {
    f.addEventListener("load", function () { f.setAttribute("data-loaded-at", String(Date.now())); });
  });
  function savedAt(f) {
    try { return (f.contentWindow && f.contentWindow.tenhandsSaved) || 0; } catch (e) { return 0; }
  }
  function refresh() {
    frames.forEach(function (shown) {
      if (shown.classList.contains("is-hidden") || !shown.getAttribute("src")) { return; }
      var loaded = Number(shown.getAttribute("data-loaded-at") || "0");
      var moved = frames.some(function (g) {
        return g !== shown && g.getAttribute("data-view") === shown.getAttribute("data-view") &&
          savedAt(g) > loaded;
      });
      if (moved) { shown.setAttribute("src", shown.getAttribute("src")); }
    });
  }
  var bar = document.querySelector("[data-view][data-mode]:not(iframe)");
  if (bar && window.MutationObserver) {
    new MutationObserver(refresh).observe(bar, {attributes: true, attributeFilter: ["data-view", "data-mode"]});
  }
})();
