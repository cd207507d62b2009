(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("tenhands-data").textContent);
  var extras = data.extras;
  var container = document.getElementById("network");
  // Labels are drawn wrapped (same words, more lines: see labels.wrap), the name in bold;
  // vis reads them as its small HTML (<b> only), so the text itself is escaped.
  function esc(t) { return t.replace(/&/g, "&amp;").replace(/</g, "&lt;"); }
  data.nodes.forEach(function (n) {
    var text = extras.wrapped[n.id] !== undefined ? extras.wrapped[n.id] : n.label;
    if (!text) { return; }
    var lines = text.split("\n");
    n.label = ["<b>" + esc(lines[0]) + "</b>"].concat(lines.slice(1).map(esc)).join("\n");
  });
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(container, {nodes: nodes, edges: edges}, data.options);
  window.tenhandsNetwork = network;
  window.tenhandsReady = false;
  var fontFactor = 1;  // > 1 when labels are enlarged to stay readable (projection)
  var baseFonts = {};
  // copies: the DataSet merges updates into the very objects it was given
  data.nodes.forEach(function (n) { baseFonts[n.id] = JSON.parse(JSON.stringify(n.font)); });

  function outerRadius() {
    var r = 0;
    extras.rings.forEach(function (ring) { r = Math.max(r, ring.radius); });
    return r;
  }
  // Angles: radians, 0 to the right, counter-clockwise on screen (y grows downwards).
  function onCircle(angle, r) { return {x: r * Math.cos(angle), y: -r * Math.sin(angle)}; }

  // The view the map opens with. It fits what the map covers (computed in Python:
  // persons with their labels, rings, ring labels and sector titles), unless labels
  // would then be drawn smaller on screen than the mode allows (extras.minFontPx CSS
  // pixels, a wall's least size). Labels are then enlarged, as far as they would be on
  // the wall the map was laid out for (extras.wall: a 1920x1080 screen's map area), and
  // where that is not enough (a smaller frame) the map is drawn larger than its frame,
  // with the children in sight: the rest is reached by panning and zooming.
  function frameSize() {
    return {w: container.clientWidth || window.innerWidth,
            h: container.clientHeight || window.innerHeight};
  }
  function wholeScale(size) {
    var b = extras.bounds;
    return 0.97 * Math.min(size.w / Math.max(b[2] - b[0], 1), size.h / Math.max(b[3] - b[1], 1));
  }
  function enlarge(factor) {
    if (factor === fontFactor) { return; }
    fontFactor = factor;
    nodes.update(data.nodes.map(function (n) {
      var f = baseFonts[n.id];
      return {id: n.id, font: Object.assign({}, f, {
        size: f.size * factor, strokeWidth: f.strokeWidth * factor,
        bold: Object.assign({}, f.bold, {size: f.bold.size * factor})})};
    }));
  }
  function focus() {  // the children, else the middle of the map
    var b = extras.bounds;
    var at = network.getPositions(extras.focus || []);
    var ids = Object.keys(at);
    if (!ids.length) { return {x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2}; }
    var x = 0, y = 0;
    ids.forEach(function (id) { x += at[id].x; y += at[id].y; });
    return {x: x / ids.length, y: y / ids.length};
  }
  function within(value, low, high) {  // value kept in [low, high]; the middle if empty
    return low > high ? (low + high) / 2 : Math.min(Math.max(value, low), high);
  }
  function fitAll() {
    var b = extras.bounds, size = frameSize();
    var scale = wholeScale(size);
    var least = extras.minFontPx, factor = 1;
    if (least > 0 && extras.fontSize * scale < least) {
      var onWall = extras.wall ? wholeScale({w: extras.wall[0], h: extras.wall[1]}) : scale;
      factor = Math.min(least / (extras.fontSize * scale),
                        Math.max(1, least / (extras.fontSize * onWall)));
      scale = Math.max(scale, least / (extras.fontSize * factor));
    }
    enlarge(factor);
    var at = focus(), halfW = size.w / 2 / scale, halfH = size.h / 2 / scale;
    var position = {x: within(at.x, b[0] + halfW, b[2] - halfW),
                    y: within(at.y, b[1] + halfH, b[3] - halfH)};
    network.moveTo({position: position, scale: scale, animation: false});
  }
  window.tenhandsFit = fitAll;

  // The controls a meeting page gives the room: zoom in or out about the middle of what
  // is shown, and the whole map at once (labels then as small as it takes).
  var ZOOM_LIMITS = [0.05, 6];
  window.tenhandsZoom = function (by) {
    var scale = within(network.getScale() * by, ZOOM_LIMITS[0], ZOOM_LIMITS[1]);
    network.moveTo({position: network.getViewPosition(), scale: scale, animation: false});
    return scale;
  };
  window.tenhandsWhole = function () {
    var b = extras.bounds;
    network.moveTo({position: {x: (b[0] + b[2]) / 2, y: (b[1] + b[3]) / 2},
                    scale: wholeScale(frameSize()), animation: false});
  };

  function placard(ctx, card, weight, colour) {
    var size = card.size * fontFactor, lineH = size * 1.2;
    ctx.font = weight + " " + Math.round(size) + "px system-ui, Arial, sans-serif";
    var wide = 0;
    card.lines.forEach(function (t) { wide = Math.max(wide, ctx.measureText(t).width); });
    var tall = card.lines.length * lineH;
    ctx.fillStyle = "rgba(255, 255, 255, 0.88)";
    ctx.beginPath();
    ctx.rect(card.x - wide / 2 - size * 0.4, card.y - tall / 2 - size * 0.2,
             wide + size * 0.8, tall + size * 0.4);
    ctx.fill();
    // where the text went (canvas units), for tests of the drawn page
    window.tenhandsPlacards.push({lines: card.lines, weight: weight,
      box: [card.x - wide / 2, card.y - tall / 2, card.x + wide / 2, card.y + tall / 2]});
    ctx.fillStyle = colour;
    ctx.textAlign = "center";
    ctx.textBaseline = "middle";
    card.lines.forEach(function (t, i) {
      ctx.fillText(t, card.x, card.y - tall / 2 + lineH * (i + 0.5));
    });
  }

  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    extras.rings.forEach(function (ring) {
      ctx.beginPath();
      ctx.arc(0, 0, ring.radius, 0, 2 * Math.PI);
      ctx.lineWidth = 3;
      ctx.strokeStyle = ring.colour;
      ctx.stroke();
    });
    var R = outerRadius();
    extras.sectors.forEach(function (s) {
      ctx.strokeStyle = "#9a9a9a";
      ctx.lineWidth = 2;
      ctx.setLineDash([10, 8]);
      [s.start, s.end].forEach(function (a) {
        var p = onCircle(a, R + 20);
        ctx.beginPath(); ctx.moveTo(0, 0); ctx.lineTo(p.x, p.y); ctx.stroke();
      });
      ctx.setLineDash([]);
    });
    // the genogram's household: a dashed line around who lives with the children
    (extras.boundaries || []).forEach(function (b) {
      ctx.beginPath();
      b.points.forEach(function (p, i) { if (i) { ctx.lineTo(p[0], p[1]); } else { ctx.moveTo(p[0], p[1]); } });
      ctx.closePath();
      ctx.strokeStyle = b.colour;
      ctx.lineWidth = 2;
      ctx.setLineDash([12, 8]);
      ctx.stroke();
      ctx.setLineDash([]);
    });
    ctx.restore();
  });

  function outline(ctx, shape, x, y, r) {
    ctx.beginPath();
    if (shape === "square") { ctx.rect(x - r, y - r, 2 * r, 2 * r); }
    else if (shape === "diamond") {
      ctx.moveTo(x, y - r); ctx.lineTo(x + r, y); ctx.lineTo(x, y + r); ctx.lineTo(x - r, y);
      ctx.closePath();
    } else { ctx.arc(x, y, r, 0, 2 * Math.PI); }
  }

  function zigzag(ctx, a, b, width) {
    var dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy);
    if (len < 1) { return; }
    var ux = dx / len, uy = dy / len, nx = -uy, ny = ux;
    var start = len * 0.3, end = len * 0.7, step = 9, amp = 5 + width;
    ctx.beginPath();
    ctx.moveTo(a.x + ux * start, a.y + uy * start);
    var i = 0;
    for (var t = start + step; t < end; t += step) {
      var side = (i++ % 2 === 0) ? amp : -amp;
      ctx.lineTo(a.x + ux * t + nx * side, a.y + uy * t + ny * side);
    }
    ctx.lineTo(a.x + ux * end, a.y + uy * end);
    ctx.stroke();
  }

  network.on("afterDrawing", function (ctx) {
    var ids = extras.decorations.map(function (d) { return d.id; });
    var pos = network.getPositions(ids);
    var edgeEnds = [];
    extras.edgeMarks.forEach(function (m) { edgeEnds.push(m.from, m.to); });
    var ends = network.getPositions(edgeEnds);
    ctx.save();
    ctx.lineCap = "round";
    extras.edgeMarks.forEach(function (m) {
      var a = ends[m.from], b = ends[m.to];
      if (!a || !b) { return; }
      ctx.strokeStyle = m.colour;
      ctx.lineWidth = Math.max(2, m.width);
      if (m.zigzag) { zigzag(ctx, a, b, m.width); }
      if (m.slashes) {
        var dx = b.x - a.x, dy = b.y - a.y, len = Math.hypot(dx, dy) || 1;
        var ux = dx / len, uy = dy / len, mx = (a.x + b.x) / 2, my = (a.y + b.y) / 2;
        // slashes lean 60 degrees off the line
        var c = Math.cos(Math.PI / 3), s = Math.sin(Math.PI / 3);
        var sx = ux * c - uy * s, sy = ux * s + uy * c, half = 12;
        ctx.strokeStyle = "#111111";
        ctx.lineWidth = 3;
        for (var k = 0; k < m.slashes; k++) {
          var off = (m.slashes === 1) ? 0 : (k === 0 ? -6 : 6);
          var cx = mx + ux * off, cy = my + uy * off;
          ctx.beginPath();
          ctx.moveTo(cx - sx * half, cy - sy * half);
          ctx.lineTo(cx + sx * half, cy + sy * half);
          ctx.stroke();
        }
      }
    });
    extras.decorations.forEach(function (d) {
      var p = pos[d.id];
      if (!p) { return; }
      if (d.double) {
        ctx.strokeStyle = "#222222";
        ctx.lineWidth = Math.max(2, d.border);
        var gap = Math.max(5, d.border + 3);
        var r = (d.shape === "diamond" ? d.size * 1.0 : d.size) + gap;
        outline(ctx, d.shape, p.x, p.y, r);
        ctx.stroke();
      }
      if (d.deceased) {
        var e = d.size * 0.95;
        ctx.lineWidth = Math.max(3, d.size / 7);
        [["#ffffff", ctx.lineWidth + 3], ["#111111", ctx.lineWidth]].forEach(function (st) {
          ctx.strokeStyle = st[0]; ctx.lineWidth = st[1];
          ctx.beginPath();
          ctx.moveTo(p.x - e, p.y - e); ctx.lineTo(p.x + e, p.y + e);
          ctx.moveTo(p.x + e, p.y - e); ctx.lineTo(p.x - e, p.y + e);
          ctx.stroke();
        });
      }
      if (d.badge) {
        var br = Math.max(11, d.size * 0.5);
        var bx = p.x + d.size * 0.85, by = p.y - d.size * 0.85;
        ctx.beginPath(); ctx.arc(bx, by, br, 0, 2 * Math.PI);
        ctx.fillStyle = "#ffffff"; ctx.fill();
        ctx.strokeStyle = "#111111"; ctx.lineWidth = 2.5; ctx.stroke();
        ctx.fillStyle = "#111111";
        ctx.font = "700 " + Math.round(br * 1.3) + "px system-ui, Arial, sans-serif";
        ctx.textAlign = "center"; ctx.textBaseline = "middle";
        ctx.fillText(d.badge, bx, by + 1);
      }
    });
    window.tenhandsPlacards = [];
    extras.ringLabels.forEach(function (c) { placard(ctx, c, "600", "#333333"); });
    extras.sectorTitles.forEach(function (c) { placard(ctx, c, "700", "#222222"); });
    ctx.restore();
    if (!window.tenhandsReady) {
      window.tenhandsReady = true;
      document.documentElement.setAttribute("data-tenhands-ready", "true");
    }
  });

  var panel = document.getElementById("person-tasks");
  // The panel sits under the legend: when a person is chosen, scroll the side column (and
  // only it: never the page that frames the map) so their tasks are in sight.
  function reveal() {
    var side = document.getElementById("side");
    if (!side) { return; }
    var s = side.getBoundingClientRect(), p = panel.getBoundingClientRect();
    if (p.top < s.top || p.bottom > s.bottom) { side.scrollTop += p.top - s.top - 16; }
  }
  network.on("click", function (params) {
    if (!panel) { return; }
    var id = params.nodes.length ? params.nodes[0] : null;
    var who = id && extras.tasks[id];
    panel.textContent = "";
    var p = document.createElement("p");
    if (!who) {
      p.className = "hint"; p.textContent = data.words.clickHint; panel.appendChild(p); return;
    }
    var strong = document.createElement("strong");
    strong.textContent = who.label;
    p.appendChild(strong);
    panel.appendChild(p);
    if (!who.tasks.length) {
      var none = document.createElement("p"); none.textContent = data.words.noTasks;
      panel.appendChild(none); reveal(); return;
    }
    var ul = document.createElement("ul");
    who.tasks.forEach(function (t) {
      var li = document.createElement("li"); li.textContent = t; ul.appendChild(li);
    });
    panel.appendChild(ul);
    reveal();
  });

  // Moving persons: only on a page the service drew for a user who may (data.save; an
  // exported file has none). Each move is posted; the service keeps it for the next meeting.
  if (data.save) {
    var save = data.save;
    network.setOptions({interaction: {dragNodes: true}});
    nodes.update(Object.keys(extras.tasks).map(function (id) {
      return {id: id, fixed: {x: false, y: false}};
    }));
    window.tenhandsSaved = 0;
    network.on("dragEnd", function (params) {
      var moved = params.nodes.filter(function (id) { return extras.tasks[id]; });
      if (!moved.length) { return; }
      var at = network.getPositions(moved);
      fetch(save.url, {
        method: "POST", credentials: "same-origin",
        headers: {"Content-Type": "application/json", "X-CSRF-Token": save.token},
        body: JSON.stringify({view: save.view, mode: save.mode, stamp: save.stamp,
          moved: moved.map(function (id) {
            return {node: id.slice(2), x: at[id].x, y: at[id].y};
          })})
      }).then(function (r) {
        if (r.ok) { window.tenhandsSaved = Date.now(); } else { window.tenhandsRefused = r.status; }
      });
    });
  }

  fitAll();
  network.redraw();
  window.addEventListener("resize", function () { fitAll(); });
})();
