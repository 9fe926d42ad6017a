/* pokin explore, the view: the whole pohon kinerja drawn in one page.
 * Reads the tree from <script type="application/json" id="pokin-data">, builds the boxes
 * with textContent only (decree texts are never parsed as HTML), lays the positions out in
 * rows by level (every Kasi on one row, every staff on one), draws the cascade links as SVG
 * paths, and pans / zooms with the vendored Panzoom. explore.js adds the interaction
 * (selection, panel, search, filters) on top of what this file leaves in window.pokinView. */
(function () {
  "use strict";
  var started = performance.now();
  var D = JSON.parse(document.getElementById("pokin-data").textContent);
  var GAP_X = 28, GAP_Y = 90, MARGIN = 40;

  var world = document.getElementById("world");
  var stage = document.getElementById("stage");
  var links = document.getElementById("links");   // parsed as SVG: gives the namespace
  var SVGNS = links.namespaceURI;

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function fold(text) {            // the words of a text: no case, accents nor punctuation
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  }

  // -- the model -------------------------------------------------------------------------
  var V = window.pokinView = {};
  var pos = {}, order = [], kids = {}, boxOf = {}, boxEl = {}, rowEl = {}, ownerOf = {};
  D.jabatan.forEach(function (j) { pos[j.id] = j; order.push(j.id); kids[j.id] = []; });
  D.jabatan.forEach(function (j) { if (j.induk && pos[j.induk]) kids[j.induk].push(j.id); });
  Object.keys(D.kotak).forEach(function (b) {
    boxOf[b] = b;
    ownerOf[b] = D.kotak[b].jabatan;
    D.kotak[b].indikator.forEach(function (i) { boxOf[i.id] = b; });
  });
  var up = {}, down = {};   // box id -> [link index]
  D.tautan.forEach(function (t, n) {
    var pb = boxOf[t[0]], cb = boxOf[t[1]];
    (up[cb] = up[cb] || []).push(n);
    (down[pb] = down[pb] || []).push(n);
  });
  var minRow = Math.min.apply(null, D.jabatan.map(function (j) { return j.baris; }));

  // -- building the boxes --------------------------------------------------------------
  var cards = {};
  function codes(list) { return list.map(function (f) { return f[0]; }); }
  function buildCard(j) {
    var card = el("section", "card peran-" + j.peran);
    card.dataset.jabatan = j.id;
    var head = el("header", "card-head");
    var colour = (D.peran[j.peran] || ["#e0e0e0"])[0];
    head.style.background = colour;
    var toggle = el("button", "toggle", "▾");
    toggle.type = "button";
    toggle.title = "Ciutkan / bentangkan bawahan";
    toggle.dataset.jabatan = j.id;
    if (!kids[j.id].length) toggle.hidden = true;
    head.appendChild(toggle);
    head.appendChild(el("b", "nama", j.nama));
    var unit = el("button", "unit", j.unit);
    unit.type = "button";
    unit.title = "Ciutkan / bentangkan unit ini";
    unit.dataset.unit = j.unit;
    head.appendChild(unit);
    var more = el("span", "more");
    head.appendChild(more);
    card.appendChild(head);
    var body = el("div", "card-body");
    j.kotak.forEach(function (b) { body.appendChild(buildBox(b)); });
    card.appendChild(body);
    cards[j.id] = card;
    return card;
  }
  function buildBox(b) {
    var k = D.kotak[b];
    var box = el("div", "kotak");
    box.dataset.id = b;
    box.tabIndex = 0;
    var kc = codes(k.temuan);
    if (kc.indexOf("PK101") >= 0) box.classList.add("yatim");
    box.appendChild(el("div", "uraian", k.uraian));
    k.indikator.forEach(function (i) {
      var row = el("div", "ind", i.uraian);
      row.dataset.id = i.id;
      var target = [i.target, i.satuan].filter(Boolean).join(" ");
      if (target) row.appendChild(el("small", "target", "target " + target));
      if (i.capaian) {
        var c = el("small", "capaian " + i.capaian[1], "● capaian " + i.capaian[0]);
        row.appendChild(c);
      }
      var ic = codes(i.temuan);
      if (ic.indexOf("PK201") >= 0 || ic.indexOf("PK202") >= 0) row.classList.add("belum");
      rowEl[i.id] = row;
      box.appendChild(row);
    });
    boxEl[b] = box;
    return box;
  }
  var frag = document.createDocumentFragment();
  order.forEach(function (id) { frag.appendChild(buildCard(pos[id])); });
  world.appendChild(frag);

  // -- layout: rows by level, each position centred over its subordinates ------------------
  var hiddenKids = {}, hiddenUnits = {};
  function visible(id) {
    var p = pos[id].induk;
    while (p) { if (hiddenKids[p]) return false; p = pos[p].induk; }
    return true;
  }
  function layout() {
    var t0 = performance.now();
    order.forEach(function (id) {
      var card = cards[id], show = visible(id);
      card.hidden = !show;
      card.classList.toggle("ciut", !!hiddenUnits[pos[id].unit]);
      card.querySelector(".toggle").textContent = hiddenKids[id] ? "▸" : "▾";
      var n = hiddenKids[id] ? countUnder(id) : 0;
      card.querySelector(".more").textContent = n ? "+" + n + " bawahan" : "";
    });
    var size = {}, rowH = {};
    order.forEach(function (id) {          // one read pass: no layout thrashing
      if (cards[id].hidden) return;
      var w = cards[id].offsetWidth, h = cards[id].offsetHeight, r = pos[id].baris - minRow;
      size[id] = [w, h];
      rowH[r] = Math.max(rowH[r] || 0, h);
    });
    var rowY = {}, y = MARGIN, maxRow = Math.max.apply(null, Object.keys(rowH).map(Number));
    for (var r = 0; r <= maxRow; r++) { rowY[r] = y; y += (rowH[r] || 0) + (rowH[r] ? GAP_Y : 0); }
    var at = {};
    function place(id, left) {
      var w = size[id][0], shown = kids[id].filter(function (k) { return size[k]; });
      if (hiddenKids[id]) shown = [];
      var cursor;
      var childW = shown.reduce(function (s, k) { return s + span(k); }, 0) +
        GAP_X * Math.max(shown.length - 1, 0);
      var start = left + Math.max(0, (w - childW) / 2);
      cursor = start;
      shown.forEach(function (k) { cursor += place(k, cursor) + GAP_X; });
      var total = Math.max(w, childW);
      at[id] = [left + (total - w) / 2, rowY[pos[id].baris - minRow]];
      return total;
    }
    var spanMemo = {};
    function span(id) {
      if (spanMemo[id] !== undefined) return spanMemo[id];
      var shown = hiddenKids[id] ? [] : kids[id].filter(function (k) { return size[k]; });
      var childW = shown.reduce(function (s, k) { return s + span(k); }, 0) +
        GAP_X * Math.max(shown.length - 1, 0);
      return (spanMemo[id] = Math.max(size[id][0], childW));
    }
    var x = MARGIN;
    order.forEach(function (id) {
      if (!size[id] || (pos[id].induk && size[pos[id].induk])) return;
      x += place(id, x) + GAP_X * 2;
    });
    var width = x + MARGIN, height = y + MARGIN;
    order.forEach(function (id) {
      if (!at[id]) return;
      cards[id].style.transform = "translate(" + at[id][0] + "px," + at[id][1] + "px)";
    });
    world.style.width = width + "px";
    world.style.height = height + "px";
    links.setAttribute("width", width);
    links.setAttribute("height", height);
    drawLinks(at);
    document.documentElement.dataset.layoutMs = (performance.now() - t0).toFixed(1);
    return [width, height];
  }
  function countUnder(id) {
    var n = 0, stack = kids[id].slice();
    while (stack.length) { var k = stack.pop(); n++; stack.push.apply(stack, kids[k]); }
    return n;
  }

  // -- links ---------------------------------------------------------------------------
  var paths = [];
  function anchor(id, at) {       // [x, y, w, h] of a box or an indicator row in the world
    var target = rowEl[id] || boxEl[id], owner = ownerOf[boxOf[id]];
    if (!target || !at[owner] || target.offsetParent === null) return null;
    var x = at[owner][0], y = at[owner][1], n = target;
    while (n && n !== cards[owner]) { x += n.offsetLeft; y += n.offsetTop; n = n.offsetParent; }
    return [x, y, target.offsetWidth, target.offsetHeight];
  }
  function drawLinks(at) {
    while (links.firstChild) links.removeChild(links.firstChild);
    paths = [];
    var frag = document.createDocumentFragment();
    D.tautan.forEach(function (t, n) {
      var a = anchor(t[0], at), b = anchor(boxOf[t[1]], at);
      if (!a || !b) { paths[n] = null; return; }
      var sx = a[0] + a[2], sy = a[1] + a[3] / 2, ex = b[0] + b[2] / 2, ey = b[1];
      if (rowEl[t[1]]) { var c = anchor(t[1], at); if (c) { ex = c[0]; ey = c[1] + c[3] / 2; } }
      var d = "M" + sx + "," + sy + " C" + (sx + 60) + "," + sy + " " + ex + "," + (ey - 80) +
        " " + ex + "," + ey;
      var p = document.createElementNS(SVGNS, "path");
      p.setAttribute("d", d);
      p.setAttribute("class", "link " + t[2]);
      var style = D.garis[t[2]] || D.garis.normal;
      p.setAttribute("stroke", style[1]);
      if (style[0] === "dashed") p.setAttribute("stroke-dasharray", "8 5");
      if (style[0] === "dotted") p.setAttribute("stroke-dasharray", "2 4");
      p.dataset.n = n;
      paths[n] = p;
      frag.appendChild(p);
    });
    links.appendChild(frag);
    if (V.onLinks) V.onLinks();
  }

  // -- pan and zoom --------------------------------------------------------------------
  var pz = null;
  function view(x, y, s) {          // the pan that puts world point (x, y) mid-stage at scale s
    var W = stage.clientWidth, H = stage.clientHeight;
    var cx = world.offsetWidth / 2, cy = world.offsetHeight / 2;   // transform-origin 50% 50%
    return [(W / 2 - cx) / s + cx - x, (H / 2 - cy) / s + cy - y];
  }
  function fitScale() {
    var w = world.offsetWidth, h = world.offsetHeight;
    return Math.max(0.02, Math.min(stage.clientWidth / w, stage.clientHeight / h) * 0.96);
  }
  function startPanzoom() {
    var s = fitScale(), xy = view(world.offsetWidth / 2, world.offsetHeight / 2, s);
    pz = Panzoom(world, { maxScale: 3, minScale: 0.02, step: 0.25, canvas: true,
      startScale: s, startX: xy[0], startY: xy[1] });
    stage.addEventListener("wheel", function (e) { pz.zoomWithWheel(e); }, { passive: false });
  }
  function centreOn(x, y, scale) {
    var s = scale || pz.getScale(), xy = view(x, y, s);
    pz.zoom(s, { animate: false, force: true });
    pz.pan(xy[0], xy[1], { animate: false, force: true });
  }
  function fit() {
    centreOn(world.offsetWidth / 2, world.offsetHeight / 2, fitScale());
  }
  function centreEl(node) {
    var id = node.dataset.id, a = anchor(id, positions());
    if (a) centreOn(a[0] + a[2] / 2, a[1] + a[3] / 2, Math.max(pz.getScale(), 0.6));
  }
  function centreCard(id) {       // the head of a position's card mid-stage
    var at = positions()[id];
    if (at) centreOn(at[0] + cards[id].offsetWidth / 2, at[1] + 20);
  }
  function positions() {
    var at = {};
    order.forEach(function (id) {
      var m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(cards[id].style.transform);
      if (m && !cards[id].hidden) at[id] = [parseFloat(m[1]), parseFloat(m[2])];
    });
    return at;
  }
  document.getElementById("zoom-in").onclick = function () { pz.zoomIn(); };
  document.getElementById("zoom-out").onclick = function () { pz.zoomOut(); };
  document.getElementById("zoom-fit").onclick = fit;

  V.started = started; V.D = D; V.el = el; V.fold = fold; V.world = world;
  V.pos = pos; V.order = order; V.kids = kids; V.boxOf = boxOf; V.boxEl = boxEl;
  V.rowEl = rowEl; V.ownerOf = ownerOf; V.up = up; V.down = down; V.cards = cards;
  V.hiddenKids = hiddenKids; V.hiddenUnits = hiddenUnits; V.layout = layout; V.fit = fit;
  V.centreEl = centreEl; V.centreCard = centreCard; V.startPanzoom = startPanzoom;
  V.paths = function () { return paths; };
  V.pz = function () { return pz; };
})();
