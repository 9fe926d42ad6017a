/* pokin explore, the interaction: a click lights a box's path up to the IKU and what
 * cascades from it, the side panel, collapsing, search and filters; over window.pokinView
 * (explore-view.js). */
(function () {
  "use strict";
  var V = window.pokinView, D = V.D, el = V.el, fold = V.fold, world = V.world;
  var pos = V.pos, boxOf = V.boxOf, boxEl = V.boxEl, rowEl = V.rowEl;
  var ownerOf = V.ownerOf, up = V.up, down = V.down;
  var hiddenKids = V.hiddenKids, hiddenUnits = V.hiddenUnits;
  var layout = V.layout, fit = V.fit, centreEl = V.centreEl;

  // -- selection: the path up to the IKU and everything cascading from it ------------------
  var lit = { box: {}, row: {}, link: {} };
  function walk(start, dir) {
    var seen = {}, queue = [start], boxes = [];
    seen[start] = true;
    while (queue.length) {
      var b = queue.shift();
      ((dir === "up" ? up : down)[b] || []).forEach(function (n) {
        var t = D.tautan[n], next = boxOf[dir === "up" ? t[0] : t[1]];
        lit.link[n] = dir;
        lit.row[dir === "up" ? t[0] : t[1]] = dir;
        if (!seen[next]) { seen[next] = true; boxes.push(next); queue.push(next); }
      });
    }
    boxes.forEach(function (b) { if (!lit.box[b]) lit.box[b] = dir; });
  }
  function select(b) {
    lit = { box: {}, row: {}, link: {} };
    if (b) { walk(b, "up"); walk(b, "down"); lit.box[b] = "pilih"; }
    applyLit();
    showPanel(b);
    document.body.classList.toggle("menyorot", !!b);
  }
  function applyLit() {
    Object.keys(boxEl).forEach(function (b) {
      var c = boxEl[b].classList, v = lit.box[b];
      c.toggle("pilih", v === "pilih"); c.toggle("naik", v === "up"); c.toggle("turun", v === "down");
    });
    Object.keys(rowEl).forEach(function (i) {
      var c = rowEl[i].classList, v = lit.row[i];
      c.toggle("naik", v === "up"); c.toggle("turun", v === "down");
    });
    V.paths().forEach(function (p, n) {
      if (!p) return;
      var v = lit.link[n];
      p.classList.toggle("naik", v === "up"); p.classList.toggle("turun", v === "down");
    });
  }
  world.addEventListener("click", function (e) {
    var t = e.target;
    if (t.closest(".toggle")) { toggleKids(t.closest(".toggle").dataset.jabatan); return; }
    if (t.closest(".unit")) { toggleUnit(t.closest(".unit").dataset.unit); return; }
    var box = t.closest(".kotak");
    if (box) select(box.dataset.id);
  });
  world.addEventListener("keydown", function (e) {
    var box = e.target.closest && e.target.closest(".kotak");
    if (box && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(box.dataset.id); }
  });

  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") select(null);
  });

  // -- the side panel --------------------------------------------------------------------
  var panel = document.getElementById("panel-body");
  function field(parent, label, value) {
    if (!value) return;
    var p = el("p", "field");
    p.appendChild(el("span", "label", label + ": "));
    p.appendChild(document.createTextNode(value));
    parent.appendChild(p);
  }
  function findingList(parent, list) {
    if (!list.length) return;
    var ul = el("ul", "temuan");
    list.forEach(function (f) {
      var li = el("li", f[1]);
      li.appendChild(el("code", null, f[0]));
      li.appendChild(document.createTextNode(" " + f[2] + ": " + f[3]));
      li.appendChild(el("div", "hint", "→ " + f[4]));
      ul.appendChild(li);
    });
    parent.appendChild(ul);
  }
  function showPanel(b) {
    while (panel.firstChild) panel.removeChild(panel.firstChild);
    if (!b) { overview(); return; }
    var k = D.kotak[b], j = pos[k.jabatan];
    var close = el("button", "tutup no-pan", "× tutup");
    close.type = "button";
    close.onclick = function () { select(null); };
    panel.appendChild(close);
    panel.appendChild(el("p", "who", j.nama + " — " + j.unit));
    panel.appendChild(el("h2", "kinerja", k.uraian));
    field(panel, "id", b);
    findingList(panel, k.temuan);
    k.indikator.forEach(function (i) {
      var s = el("div", "ind-detail");
      s.appendChild(el("h3", null, i.uraian));
      field(s, "formulasi", i.formulasi);
      field(s, "sumber data", i.sumber_data);
      field(s, "target", [i.target, i.satuan].filter(Boolean).join(" "));
      field(s, "realisasi", i.realisasi);
      if (i.capaian) {
        var c = el("p", "field");
        c.appendChild(el("span", "lampu " + i.capaian[1]));
        c.appendChild(document.createTextNode("capaian " + i.capaian[0] +
          (i.capaian[2] === "agregasi" ? " (agregasi)" : "")));
        s.appendChild(c);
      }
      findingList(s, i.temuan);
      panel.appendChild(s);
    });
    var upBoxes = Object.keys(lit.box).filter(function (x) { return lit.box[x] === "up"; });
    var downBoxes = Object.keys(lit.box).filter(function (x) { return lit.box[x] === "down"; });
    var path = el("p", "jalur", upBoxes.length
      ? "Jalur ke IKU: " + upBoxes.length + " kotak di atas; " + downBoxes.length + " kotak di bawah."
      : "Tidak ada jalur ke IKU di atas kotak ini; " + downBoxes.length + " kotak di bawah.");
    panel.appendChild(path);
  }
  function overview() {
    panel.appendChild(el("p", "hint", "Klik sebuah kotak untuk melihat jalurnya ke IKU, " +
      "teks lengkap, temuan dan capaian."));
    panel.appendChild(el("h3", null, "Unit"));
    var ul = el("ul", "units");
    D.unit.forEach(function (u) {
      var li = el("li");
      var b = el("button", "unit-toggle no-pan", (hiddenUnits[u] ? "▸ " : "▾ ") + u);
      b.type = "button";
      b.dataset.unit = u;
      b.onclick = function () { toggleUnit(u); };
      li.appendChild(b);
      ul.appendChild(li);
    });
    panel.appendChild(ul);
    findingList(panel, D.temuan_umum);
  }

  // -- collapse and expand ---------------------------------------------------------------
  function relayout(keep) {        // lay out again, keeping the card `keep` in view
    layout();
    if (keep) V.centreCard(keep);
    if (!Object.keys(lit.box).length) showPanel(null);
  }
  function toggleKids(id) { hiddenKids[id] = !hiddenKids[id]; relayout(id); }
  function toggleUnit(u) {
    hiddenUnits[u] = !hiddenUnits[u];
    relayout(V.order.filter(function (id) { return pos[id].unit === u; })[0]);
  }
  function reveal(b) {             // open what hides a box: its unit and collapsed superiors
    var id = ownerOf[b], changed = false;
    if (hiddenUnits[pos[id].unit]) { hiddenUnits[pos[id].unit] = false; changed = true; }
    var p = pos[id].induk;
    while (p) { if (hiddenKids[p]) { hiddenKids[p] = false; changed = true; } p = pos[p].induk; }
    if (changed) relayout();
  }

  // -- search ----------------------------------------------------------------------------
  var index = [];                   // [element, folded text]
  Object.keys(D.kotak).forEach(function (b) {
    var k = D.kotak[b], j = pos[k.jabatan];
    index.push([b, " " + fold([j.nama, j.unit, k.uraian].join(" "))]);
    k.indikator.forEach(function (i) {
      index.push([i.id, " " + fold([i.uraian, i.formulasi, i.sumber_data, i.satuan, i.target]
        .join(" "))]);
    });
  });
  var hits = [], current = -1, searched = "", note = "";
  var input = document.getElementById("cari"), count = document.getElementById("cari-jumlah");
  function search(query) {
    hits.forEach(function (id) { (rowEl[id] || boxEl[id]).classList.remove("hit", "hit-now"); });
    hits = []; current = -1; searched = fold(query);
    var words = fold(query).split(" ").filter(Boolean);
    document.body.classList.toggle("mencari", words.length > 0);
    if (!words.length) { count.textContent = ""; return; }
    // every word of the query begins a word of the text ("paten" is not in "kabupaten");
    // only when nothing does, anywhere in a word ("layanan" in "pelayanan")
    hits = match(words, " ");
    note = "";
    if (!hits.length) { hits = match(words, ""); note = hits.length ? " (di tengah kata)" : ""; }
    hits.forEach(function (id) { (rowEl[id] || boxEl[id]).classList.add("hit"); });
    count.textContent = hits.length ? hits.length + " hasil" + note : "tidak ditemukan";
    if (hits.length) next(1);
  }
  function match(words, before) {
    var found = [];
    index.forEach(function (entry) {
      if (words.every(function (w) { return entry[1].indexOf(before + w) >= 0; })) {
        found.push(entry[0]);
      }
    });
    return found;
  }
  function next(step) {
    if (!hits.length) return;
    if (current >= 0) (rowEl[hits[current]] || boxEl[hits[current]]).classList.remove("hit-now");
    current = (current + step + hits.length) % hits.length;
    var id = hits[current], node = rowEl[id] || boxEl[id];
    reveal(boxOf[id]);
    node.classList.add("hit-now");
    centreEl(node);
    count.textContent = (current + 1) + " / " + hits.length + " hasil" + note;
  }
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { search(input.value); }, 150);
  });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter") {
      e.preventDefault();
      clearTimeout(timer);
      if (fold(input.value) !== searched) search(input.value);
      else next(e.shiftKey ? -1 : 1);
    }
  });
  document.getElementById("cari-lanjut").onclick = function () { next(1); };

  // -- filters ---------------------------------------------------------------------------
  var filterBox = document.getElementById("saring");
  Object.keys(D.saring).forEach(function (key) {
    var label = el("label", "no-pan");
    var box = el("input");
    box.type = "checkbox";
    box.value = key;
    label.appendChild(box);
    label.appendChild(document.createTextNode(" " + D.saring[key][0]));
    var n = el("span", "n");
    label.appendChild(n);
    filterBox.appendChild(label);
    box.addEventListener("change", applyFilters);
  });
  function carries(list, wanted) {
    return list.some(function (f) { return wanted.indexOf(f[0]) >= 0; });
  }
  function applyFilters() {
    var wanted = [];
    filterBox.querySelectorAll("input:checked").forEach(function (b) {
      wanted = wanted.concat(D.saring[b.value][1]);
    });
    document.body.classList.toggle("menyaring", wanted.length > 0);
    var n = 0;
    Object.keys(boxEl).forEach(function (b) {
      var k = D.kotak[b];
      var match = wanted.length > 0 && (carries(k.temuan, wanted) ||
        k.indikator.some(function (i) { return carries(i.temuan, wanted); }));
      boxEl[b].classList.toggle("cocok", match);
      if (match) n++;
    });
    document.getElementById("saring-jumlah").textContent = wanted.length ? n + " kotak" : "";
  }

  // -- start -----------------------------------------------------------------------------
  V.onLinks = applyLit;
  showPanel(null);
  layout();
  V.startPanzoom();
  var ms = performance.now() - V.started;
  document.documentElement.dataset.readyMs = ms.toFixed(1);
  document.documentElement.dataset.pokin = "ready";
  window.pokinExplorer = { select: select, search: search, toggleUnit: toggleUnit,
    toggleKids: toggleKids, fit: fit, panzoom: V.pz(), lit: function () { return lit; } };
})();
