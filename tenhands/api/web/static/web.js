/* TenHands web pages: small enhancements; every page works without this script.
   - a form with errors moves the focus to its list of errors;
   - meeting mode switches views and family mode without reloading the page, keeps
     every map it has loaded (so the meeting goes on if the connection drops), and
     offers full screen. */
(function () {
  "use strict";

  function focusErrors() {
    var summary = document.querySelector(".error-summary");
    if (summary) {
      summary.focus();
    }
  }

  function meeting() {
    var bar = document.getElementById("meeting-bar");
    if (!bar) {
      return;
    }
    var frames = Array.prototype.slice.call(document.querySelectorAll(".meeting-frame"));
    var toggle = document.getElementById("family-toggle");
    var note = document.getElementById("mode-note");
    var viewLinks = Array.prototype.slice.call(bar.querySelectorAll("a[data-view]"));
    var state = { view: bar.getAttribute("data-view"), mode: bar.getAttribute("data-mode") };

    function frameFor(view, mode) {
      for (var i = 0; i < frames.length; i += 1) {
        var f = frames[i];
        if (f.getAttribute("data-view") === view && f.getAttribute("data-mode") === mode) {
          return f;
        }
      }
      return null;
    }

    function load(frame) {
      var src = frame.getAttribute("data-src");
      if (src) {
        frame.removeAttribute("data-src");
        frame.setAttribute("src", src);
      }
    }

    function show(view, mode) {
      var wanted = frameFor(view, mode);
      if (!wanted) {
        return;
      }
      load(wanted);
      frames.forEach(function (f) {
        var on = f === wanted;
        f.classList.toggle("is-hidden", !on);
        if (on) {
          f.removeAttribute("aria-hidden");
          f.removeAttribute("tabindex");
        } else {
          f.setAttribute("aria-hidden", "true");
          f.setAttribute("tabindex", "-1");
        }
      });
      state.view = view;
      state.mode = mode;
      bar.setAttribute("data-view", view);
      bar.setAttribute("data-mode", mode);
      viewLinks.forEach(function (a) {
        var v = a.getAttribute("data-view");
        if (v === view) {
          a.setAttribute("aria-current", "true");
        } else {
          a.removeAttribute("aria-current");
        }
        a.setAttribute("href", "?view=" + encodeURIComponent(v) + "&mode=" + encodeURIComponent(mode));
      });
      var family = mode === "family";
      toggle.setAttribute("aria-pressed", family ? "true" : "false");
      toggle.value = family ? "projection" : "family";
      var hidden = document.querySelector("#mode-form input[name=view]");
      if (hidden) {
        hidden.value = view;
      }
      note.textContent = note.getAttribute(family ? "data-family" : "data-projection");
      if (window.history && window.history.replaceState) {
        window.history.replaceState(null, "", "?view=" + encodeURIComponent(view) + "&mode=" + encodeURIComponent(mode));
      }
    }

    viewLinks.forEach(function (a) {
      a.addEventListener("click", function (event) {
        event.preventDefault();
        show(a.getAttribute("data-view"), state.mode);
      });
    });
    document.getElementById("mode-form").addEventListener("submit", function (event) {
      event.preventDefault();
      show(state.view, state.mode === "family" ? "projection" : "family");
    });

    // After the shown map has loaded, fetch the others one at a time, in the background.
    function preloadNext() {
      for (var i = 0; i < frames.length; i += 1) {
        if (frames[i].getAttribute("data-src")) {
          frames[i].addEventListener("load", preloadNext, { once: true });
          load(frames[i]);
          return;
        }
      }
    }
    var first = frameFor(state.view, state.mode);
    if (first) {
      var loaded = false;
      try {
        loaded = first.contentDocument && first.contentDocument.readyState === "complete" &&
          first.contentDocument.URL !== "about:blank";
      } catch (e) {
        loaded = false;
      }
      if (loaded) {
        preloadNext();
      } else {
        first.addEventListener("load", preloadNext, { once: true });
      }
    }

    var full = document.getElementById("fullscreen");
    var root = document.documentElement;
    if (full && root.requestFullscreen) {
      full.hidden = false;
      full.addEventListener("click", function () {
        if (document.fullscreenElement) {
          document.exitFullscreen();
        } else {
          root.requestFullscreen().catch(function () { /* refused by the browser: stay */ });
        }
      });
    }
  }

  function start() {
    focusErrors();
    meeting();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
