/* TenHands plan form: the person pickers and, in a meeting, the scale of who came.
   The form works without this script: a picker is then a plain list to choose from
   (several with Ctrl or Cmd), and the scale shows a row for everyone who may come.
   - a person picker ("who does it", "who checks") becomes the chosen persons as chips,
     each with a button to take them off, and a box to type part of a name in: the
     persons that match are offered below it (arrow keys and Enter, or a click);
   - in a meeting, the safety scale shows only the rows of who is ticked as present at
     the top, and of the others who came as their function is typed (with nobody to ask,
     neither the table nor what its numbers mean); a task added with
     "Add a task" gets pickers of its own, with nobody chosen;
   - a task asks for the service only when it is professional help. */
(function () {
  "use strict";

  var uid = 0;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function matches(option, words) {
    var text = fold(option.textContent);
    return words.every(function (word) {
      return text.indexOf(word) !== -1;
    });
  }

  function enhance(field) {
    var select = field.querySelector("select[multiple]");
    var label = field.querySelector("label[for]");
    if (!select || !label) {
      return;
    }
    var old = field.querySelector(".pick-ui");
    if (old) {
      old.parentNode.removeChild(old);
    }
    var form = select.form;
    var words = form ? form.getAttribute("data-pick-words") : null;
    var said = words ? JSON.parse(words) : {};
    uid += 1;
    var base = select.id + "-pick" + uid;

    var ui = document.createElement("div");
    ui.className = "pick-ui";
    var chips = document.createElement("ul");
    chips.className = "pick-chips";
    chips.setAttribute("aria-label", label.textContent.trim() + ": " + (said.chosen || ""));
    var filter = document.createElement("input");
    filter.type = "text";
    filter.id = base + "-filter";
    filter.className = "pick-filter";
    filter.autocomplete = "off";
    filter.placeholder = said.type || "";
    filter.setAttribute("role", "combobox");
    filter.setAttribute("aria-autocomplete", "list");
    filter.setAttribute("aria-expanded", "false");
    filter.setAttribute("aria-controls", base + "-list");
    var described = select.getAttribute("aria-describedby");
    if (described) {
      filter.setAttribute("aria-describedby", described);
    }
    if (select.getAttribute("aria-invalid")) {
      filter.setAttribute("aria-invalid", "true");
    }
    var list = document.createElement("ul");
    list.className = "pick-list";
    list.id = base + "-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", label.textContent.trim());
    list.hidden = true;
    ui.appendChild(chips);
    ui.appendChild(filter);
    ui.appendChild(list);
    select.parentNode.insertBefore(ui, select.nextSibling);
    select.hidden = true;
    select.setAttribute("aria-hidden", "true");
    select.tabIndex = -1;
    label.htmlFor = filter.id;

    var offered = [];
    var active = -1;

    function showChips() {
      chips.innerHTML = "";
      Array.prototype.forEach.call(select.options, function (option) {
        if (!option.selected) {
          return;
        }
        var chip = document.createElement("li");
        chip.className = "pick-chip";
        var name = document.createElement("span");
        name.textContent = option.textContent;
        var off = document.createElement("button");
        off.type = "button";
        off.className = "pick-off";
        off.textContent = "\u00d7";
        off.setAttribute("aria-label", (said.remove || "{name}").replace("{name}", option.textContent));
        off.addEventListener("click", function () {
          option.selected = false;
          showChips();
          filter.focus();
        });
        chip.appendChild(name);
        chip.appendChild(off);
        chips.appendChild(chip);
      });
      chips.hidden = chips.children.length === 0;
    }

    function close() {
      list.hidden = true;
      filter.setAttribute("aria-expanded", "false");
      filter.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (item, i) {
        item.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0 && list.children[index]) {
        filter.setAttribute("aria-activedescendant", list.children[index].id);
        list.children[index].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(option) {
      option.selected = true;
      filter.value = "";
      showChips();
      close();
      filter.focus();
    }

    function open() {
      var typed = fold(filter.value).split(/\s+/).filter(Boolean);
      offered = Array.prototype.filter.call(select.options, function (option) {
        return !option.selected && matches(option, typed);
      });
      list.innerHTML = "";
      offered.forEach(function (option, i) {
        var item = document.createElement("li");
        item.id = base + "-o" + i;
        item.className = "pick-option";
        item.setAttribute("role", "option");
        item.textContent = option.textContent;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();  // keep the focus in the box
        });
        item.addEventListener("click", function () {
          choose(option);
        });
        list.appendChild(item);
      });
      if (!offered.length) {
        var none = document.createElement("li");
        none.className = "pick-none";
        none.textContent = said.none || "";
        list.appendChild(none);
      }
      list.hidden = false;
      filter.setAttribute("aria-expanded", "true");
      mark(offered.length && typed.length ? 0 : -1);
    }

    filter.addEventListener("input", open);
    filter.addEventListener("click", open);
    filter.addEventListener("blur", close);
    filter.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (list.hidden) {
          open();
        }
        if (offered.length) {
          var step = event.key === "ArrowDown" ? 1 : -1;
          mark((active + step + offered.length) % offered.length);
        }
      } else if (event.key === "Enter") {
        if (!list.hidden && active >= 0 && offered[active]) {
          event.preventDefault();  // choosing, not saving the plan
          choose(offered[active]);
        } else if (filter.value) {
          event.preventDefault();
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      } else if (event.key === "Backspace" && !filter.value) {
        var chosen = Array.prototype.filter.call(select.options, function (option) {
          return option.selected;
        });
        if (chosen.length) {
          chosen[chosen.length - 1].selected = false;
          showChips();
        }
      }
    });
    showChips();
  }

  function pickers(root) {
    root.querySelectorAll("[data-picker]").forEach(enhance);
    root.querySelectorAll(".task-fields").forEach(serviceWhenAsked);
  }

  // The service asked for is a question of professional help only.
  function serviceWhenAsked(task) {
    var owner = task.querySelector("select[name$='-owner']");
    var service = task.querySelector("input[name$='-service']");
    var field = service ? service.closest(".field") : null;
    if (!owner || !field) {
      return;
    }
    function update() {
      field.hidden = owner.value !== "professional" && !service.value && !field.classList.contains("has-error");
    }
    owner.addEventListener("change", update);
    update();
  }

  // A task added by "Add a task" is a copy of the last one: nobody chosen in it yet.
  function newTasks() {
    var rows = document.getElementById("task-rows");
    if (!rows || !window.MutationObserver) {
      return;
    }
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (node) {
          if (node.nodeType !== 1 || !node.classList.contains("task-row")) {
            return;
          }
          node.querySelectorAll("[data-picker] select[multiple]").forEach(function (select) {
            Array.prototype.forEach.call(select.options, function (option) {
              option.selected = false;
            });
          });
          pickers(node);
        });
      });
    }).observe(rows, { childList: true });
  }

  // In a meeting: the scale asks who came.
  function presentScale() {
    var present = document.getElementById("f-present");
    var form = present ? present.form || present.closest("form") : null;
    if (!present || !form) {
      return;
    }
    var nobody = document.getElementById("scale-nobody");
    var table = form.querySelector(".plan-scale .table-scroll");
    var meaning = document.getElementById("scale-hint");
    var labels = {};
    form.querySelectorAll("#other-labels option").forEach(function (option) {
      labels[fold(option.value.trim())] = option.getAttribute("data-previous") || "";
    });

    function filled(row) {
      var score = row.querySelector("select");
      var note = row.querySelector("input[type=text]");
      return (score && score.value) || (note && note.value) || row.querySelector(".has-error, .field-error");
    }

    function update() {
      var shown = 0;
      form.querySelectorAll("tr[data-present]").forEach(function (row) {
        var box = document.getElementById("f-present-" + row.getAttribute("data-present"));
        row.hidden = !((box && box.checked) || filled(row));
        shown += row.hidden ? 0 : 1;
      });
      form.querySelectorAll("tr[data-other]").forEach(function (row) {
        var input = document.getElementById(row.getAttribute("data-other"));
        var typed = input ? input.value.trim() : "";
        var name = row.querySelector("[data-other-name]");
        if (name) {
          name.textContent = typed || name.getAttribute("data-empty");
        }
        var before = row.querySelector(".previous");
        var known = labels[fold(typed)];
        if (known && !before) {
          before = document.createElement("span");
          before.className = "small previous";
          row.querySelector("th").appendChild(before);
        }
        if (before) {
          before.textContent = known || "";
          before.hidden = !known;
        }
        row.hidden = !(typed || filled(row));
        shown += row.hidden ? 0 : 1;
      });
      if (nobody) {
        nobody.hidden = shown > 0;
      }
      // nobody to ask yet: only how to start, without the table and what the numbers mean
      [table, meaning].forEach(function (el) {
        if (el) {
          el.hidden = shown === 0;
        }
      });
    }

    present.addEventListener("change", update);
    present.addEventListener("input", update);
    update();
  }

  function start() {
    pickers(document);
    newTasks();
    presentScale();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
