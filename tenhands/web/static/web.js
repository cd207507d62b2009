/* TenHands web pages: small enhancements; every page works without this script.
   - a form with errors moves the focus to its list of errors;
   - meeting mode switches views and family mode without reloading the page, keeps
     every map it has loaded (so the meeting goes on if the connection drops), and
     offers zoom (buttons, and the keys + - 0), the whole map and full screen;
   - the plan form adds task rows, opens and closes as a drawer over the meeting's map
     (its button, its close button, Escape),
     and keeps what was typed when the connection is gone at the moment of saving. */
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
      syncPlan(view, mode);
      var next = document.querySelector("#meeting-lang input[name=next]");
      if (next) {
        next.value = window.location.pathname + "?view=" + encodeURIComponent(view) + "&mode=" + encodeURIComponent(mode);
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
      document.addEventListener("fullscreenchange", function () {
        full.setAttribute("aria-pressed", document.fullscreenElement ? "true" : "false");
      });
    }

    // Zoom and the whole map: the shown map (same origin) offers them to its page.
    function onMap(name, value) {
      var frame = frameFor(state.view, state.mode);
      try {
        var win = frame && frame.contentWindow;
        if (win && typeof win[name] === "function") {
          win[name](value);
        }
      } catch (e) {
        /* the map is not loaded (yet): nothing to zoom */
      }
    }
    var controls = { "zoom-in": ["tenhandsZoom", 1.25], "zoom-out": ["tenhandsZoom", 0.8], "zoom-whole": ["tenhandsWhole"] };
    var keys = { "+": "zoom-in", "=": "zoom-in", "-": "zoom-out", "0": "zoom-whole" };
    Object.keys(controls).forEach(function (id) {
      var button = document.getElementById(id);
      if (!button) {
        return;
      }
      button.hidden = false;
      button.addEventListener("click", function () {
        onMap(controls[id][0], controls[id][1]);
      });
    });
    document.addEventListener("keydown", function (event) {
      var target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || !keys[event.key]) {
        return;
      }
      if (target && (target.closest("input, select, textarea, #plan-panel") || target.isContentEditable)) {
        return;
      }
      event.preventDefault();
      document.getElementById(keys[event.key]).click();
    });
  }

  // The plan form in meeting mode carries the view and mode to come back to.
  function syncPlan(view, mode) {
    var form = document.querySelector("#plan-panel form");
    if (form) {
      form.elements.namedItem("view").value = view;
      form.elements.namedItem("mode").value = mode;
    }
    var toggle = document.getElementById("plan-toggle");
    if (toggle) {
      toggle.setAttribute("href", "?view=" + encodeURIComponent(view) + "&mode=" + encodeURIComponent(mode) + "&plan=open#plan-panel");
    }
  }

  function planPanel() {
    var toggle = document.getElementById("plan-toggle");
    var panel = document.getElementById("plan-panel");
    if (!toggle || !panel) {
      return;
    }
    function setOpen(open) {
      panel.hidden = !open;
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) {
        var title = document.getElementById("plan-panel-title");
        title.setAttribute("tabindex", "-1");
        title.focus();
      } else {
        toggle.focus();
      }
    }
    toggle.setAttribute("role", "button");
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      setOpen(panel.hidden);
    });
    var close = document.getElementById("plan-close");
    if (close) {
      close.setAttribute("role", "button");
      close.addEventListener("click", function (event) {
        event.preventDefault();
        setOpen(false);
      });
    }
    // The drawer lies over the map: Escape closes it and goes back to its button.
    panel.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && !panel.hidden) {
        event.preventDefault();
        setOpen(false);
      }
    });
  }

  // "Add a task": a copy of the last task row, empty, numbered on.
  function taskRows() {
    var add = document.getElementById("add-task");
    var rows = document.getElementById("task-rows");
    if (!add || !rows) {
      return;
    }
    add.hidden = false;
    add.addEventListener("click", function () {
      var all = rows.querySelectorAll(".task-row");
      var last = all[all.length - 1];
      if (!last) {
        return;
      }
      var index = 0;
      all.forEach(function (row) {
        index = Math.max(index, parseInt(row.id.replace("task-row-", ""), 10) + 1);
      });
      var row = last.cloneNode(true);
      var from = new RegExp("^(f-)?task-" + last.id.replace("task-row-", "") + "-");
      row.id = "task-row-" + index;
      row.open = true;
      row.querySelectorAll("[id], [name], [for], [aria-describedby]").forEach(function (el) {
        ["id", "name", "for"].forEach(function (attr) {
          var value = el.getAttribute(attr);
          if (value) {
            el.setAttribute(attr, value.replace(from, "$1task-" + index + "-"));
          }
        });
        var described = el.getAttribute("aria-describedby");
        if (described) {
          var kept = described.split(" ").filter(function (ref) {
            return ref.slice(-5) === "-hint";
          }).map(function (ref) {
            return ref.replace(from, "$1task-" + index + "-");
          });
          if (kept.length) {
            el.setAttribute("aria-describedby", kept.join(" "));
          } else {
            el.removeAttribute("aria-describedby");
          }
        }
        el.removeAttribute("aria-invalid");
      });
      row.querySelectorAll(".field-error, .task-what").forEach(function (el) {
        el.parentNode.removeChild(el);
      });
      row.querySelectorAll(".has-error").forEach(function (el) {
        el.classList.remove("has-error");
      });
      row.querySelectorAll("input, select").forEach(function (el) {
        if (el.type === "checkbox") {
          el.checked = false;
        } else if (el.tagName === "SELECT") {
          el.selectedIndex = 0;
        } else {
          el.value = "";
          el.removeAttribute("value");
        }
      });
      row.querySelectorAll("input[type=hidden]:not([name$='-id'])").forEach(function (el) {
        el.parentNode.removeChild(el);  // persons kept out of the room's sight: not in a new task
      });
      row.querySelectorAll(".picker .hint").forEach(function (el) {
        el.parentNode.removeChild(el);
      });
      var number = all.length + 1;
      row.querySelectorAll(".task-number, .task-fields > legend").forEach(function (el) {
        el.textContent = el.textContent.replace(/\d+/, String(number));
      });
      rows.appendChild(row);
      var what = row.querySelector("input[name$='-what']");
      if (what) {
        what.focus();
      }
    });
  }

  // Saving needs the service: without a connection, say so and keep the form as it is.
  function offlineSave() {
    var form = document.querySelector("form.plan-form");
    var said = document.getElementById("plan-offline");
    if (!form || !said) {
      return;
    }
    form.addEventListener("submit", function (event) {
      if (navigator.onLine === false) {
        event.preventDefault();
        said.textContent = form.getAttribute("data-offline");
        said.hidden = false;
      } else {
        said.hidden = true;
      }
    });
  }

  function start() {
    focusErrors();
    meeting();
    planPanel();
    taskRows();
    offlineSave();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
