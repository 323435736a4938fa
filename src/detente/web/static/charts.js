/* detente dashboard charts: plain SVG drawn from the page's JSON (#page-data). No library, no CDN. */
(function () {
  "use strict";
  var NS = "http://www.w3.org/2000/svg";
  var QC = { 1: "#8fc1e3", 2: "#2b7bba", 3: "#f4a582", 4: "#c0392b" };
  var QN = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

  function el(name, attrs, parent) {
    var e = document.createElementNS(NS, name);
    for (var k in attrs) { if (Object.prototype.hasOwnProperty.call(attrs, k)) e.setAttribute(k, attrs[k]); }
    if (parent) parent.appendChild(e);
    return e;
  }
  function txt(parent, x, y, s, anchor, cls) {
    var t = el("text", { x: x, y: y, "text-anchor": anchor || "start", "class": cls || "label" }, parent);
    t.textContent = s;
    return t;
  }
  function tip(node, s) { el("title", {}, node).textContent = s; }
  function svgFor(fig, w, h) {
    while (fig.firstChild) fig.removeChild(fig.firstChild);
    var s = el("svg", { viewBox: "0 0 " + w + " " + h, width: "100%", role: "img", "class": "chart-svg" });
    fig.appendChild(s);
    return s;
  }
  function niceMax(v) {
    if (!(v > 0)) return 1;
    var p = Math.pow(10, Math.floor(Math.log10(v)));
    var ms = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < ms.length; i++) { if (ms[i] * p >= v) return ms[i] * p; }
    return 10 * p;
  }
  function fmt(v) { return Math.abs(v) >= 1000 ? (v / 1000).toFixed(v % 1000 ? 1 : 0) + "k" : String(Math.round(v * 10) / 10); }
  function signed(v) { return (v > 0 ? "+" : "") + v.toFixed(1); }

  /* Stacked QuadClass bars per period; optionally the Goldstein mean as a line (right axis, -10..10)
     and the change points as vertical lines. rows: [{period, q1..q4, goldstein_mean}] */
  function barsChart(fig, rows, opts) {
    var W = 960, H = 320, m = { l: 48, r: opts.line ? 44 : 14, t: 22, b: 48 };
    var s = svgFor(fig, W, H);
    var iw = W - m.l - m.r, ih = H - m.t - m.b, n = rows.length;
    if (!n) { txt(s, W / 2, H / 2, "no dated events", "middle", "empty"); return; }
    var ymax = niceMax(Math.max.apply(null, rows.map(function (r) { return r.q1 + r.q2 + r.q3 + r.q4; })));
    var bw = iw / n;
    function x(i) { return m.l + i * bw; }
    function y(v) { return m.t + ih - (v / ymax) * ih; }
    var axis = el("g", { "class": "axis" }, s);
    for (var k = 0; k <= 4; k++) {
      var tv = ymax * k / 4;
      el("line", { x1: m.l, x2: m.l + iw, y1: y(tv), y2: y(tv), "class": "grid" }, axis);
      txt(axis, m.l - 6, y(tv) + 4, fmt(tv), "end");
    }
    var rot = el("g", { transform: "translate(14 " + (m.t + ih / 2) + ") rotate(-90)" }, axis);
    txt(rot, 0, 0, "events", "middle");
    var bars = el("g", { "class": "bars" }, s);
    rows.forEach(function (r, i) {
      var base = 0;
      [1, 2, 3, 4].forEach(function (q) {
        var v = r["q" + q];
        if (!v) return;
        var rect = el("rect", { x: x(i) + bw * 0.1, width: Math.max(bw * 0.8, 1), y: y(base + v),
          height: Math.max(y(base) - y(base + v), 0.5), fill: QC[q], "class": "bar q" + q }, bars);
        tip(rect, r.period + ": " + v + " " + QN[q]);
        base += v;
      });
    });
    var step = Math.max(1, Math.ceil(n / 10));
    rows.forEach(function (r, i) { if (i % step === 0) txt(axis, x(i) + bw / 2, H - m.b + 16, r.period, "middle"); });
    if (opts.line) {
      var gy = function (v) { return m.t + ih / 2 - (v / 10) * (ih / 2); };
      var right = el("g", { "class": "axis right" }, s);
      [-10, -5, 0, 5, 10].forEach(function (t) { txt(right, W - m.r + 6, gy(t) + 4, (t > 0 ? "+" : "") + t, "start"); });
      el("line", { x1: m.l, x2: m.l + iw, y1: gy(0), y2: gy(0), "class": "zero" }, s);
      var d = "", pen = false;
      rows.forEach(function (r, i) {
        var v = r.goldstein_mean;
        if (v === null || v === undefined) { pen = false; return; }
        d += (pen ? "L" : "M") + (x(i) + bw / 2).toFixed(1) + "," + gy(v).toFixed(1);
        pen = true;
      });
      if (d) el("path", { d: d, "class": "goldstein" }, s);
      rows.forEach(function (r, i) {
        var v = r.goldstein_mean;
        if (v === null || v === undefined) return;
        tip(el("circle", { cx: x(i) + bw / 2, cy: gy(v), r: 2.6, "class": "goldstein-dot" }, s),
          r.period + ": mean Goldstein " + v.toFixed(2));
      });
    }
    (opts.shifts || []).forEach(function (sh) {
      var i = -1;
      for (var j = 0; j < rows.length; j++) { if (rows[j].period === sh.date) { i = j; break; } }
      if (i < 0) return;
      var xx = x(i);
      var ln = el("line", { x1: xx, x2: xx, y1: m.t - 6, y2: m.t + ih, "class": "shift " + sh.label }, s);
      tip(ln, sh.label + " from " + sh.date + ": " + signed(sh.size) + " (" + signed(sh.before) + " \u2192 " + signed(sh.after) + ")");
      txt(s, xx + 4, m.t - 8, sh.label + " " + signed(sh.size), "start", "shift-label " + sh.label);
    });
  }

  function mix(a, b, t) {
    var pa = [1, 3, 5].map(function (i) { return parseInt(a.substr(i, 2), 16); });
    var pb = [1, 3, 5].map(function (i) { return parseInt(b.substr(i, 2), 16); });
    return "rgb(" + pa.map(function (v, i) { return Math.round(v + (pb[i] - v) * t); }).join(",") + ")";
  }
  /* -10 (conflict) red .. 0 grey .. +10 (cooperation) blue */
  function goldsteinColour(g) {
    var t = Math.max(-1, Math.min(1, g / 10));
    return t < 0 ? mix("#b0b0b0", "#c0392b", Math.min(1, -t * 2)) : mix("#b0b0b0", "#2b7bba", Math.min(1, t * 2));
  }

  /* Nodes on a circle (busiest first), edges coloured by mean Goldstein, width by volume. */
  function networkChart(fig, nodes, edges) {
    var W = 760, H = 620, cx = W / 2, cy = H / 2 + 5, R = Math.min(W, H) / 2 - 70;
    var s = svgFor(fig, W, H);
    if (!nodes.length) { txt(s, cx, cy, "no dyads of countries yet", "middle", "empty"); return; }
    var pos = {};
    nodes.forEach(function (nd, i) {
      var a = -Math.PI / 2 + 2 * Math.PI * i / nodes.length;
      pos[nd.code] = [cx + R * Math.cos(a), cy + R * Math.sin(a), a];
    });
    var maxE = Math.max.apply(null, edges.map(function (e) { return e.events; }).concat([1]));
    var maxN = Math.max.apply(null, nodes.map(function (nd) { return nd.events; }).concat([1]));
    var ge = el("g", { "class": "edges" }, s);
    edges.slice().sort(function (p, q) { return p.events - q.events; }).forEach(function (e) {
      var p = pos[e.a], q = pos[e.b];
      if (!p || !q) return;
      var link = el("a", { href: "/dyad/" + e.a + "/" + e.b + "?undirected=true" }, ge);
      var ln = el("line", { x1: p[0], y1: p[1], x2: q[0], y2: q[1], stroke: goldsteinColour(e.goldstein_mean),
        "stroke-width": (1 + 9 * Math.sqrt(e.events / maxE)).toFixed(2), "class": "edge" }, link);
      tip(ln, e.a + " \u2194 " + e.b + ": " + e.events + " events, mean Goldstein " + e.goldstein_mean.toFixed(2));
    });
    var gn = el("g", { "class": "nodes" }, s);
    nodes.forEach(function (nd) {
      var p = pos[nd.code], r = 5 + 18 * Math.sqrt(nd.events / maxN);
      tip(el("circle", { cx: p[0], cy: p[1], r: r.toFixed(1), "class": "node" }, gn), nd.name + " (" + nd.code + "): " + nd.events + " events");
      var lx = cx + (R + r + 12) * Math.cos(p[2]), ly = cy + (R + r + 12) * Math.sin(p[2]) + 4;
      txt(gn, lx, ly, nd.code, Math.abs(Math.cos(p[2])) < 0.3 ? "middle" : (Math.cos(p[2]) > 0 ? "start" : "end"), "node-label");
    });
  }

  function draw() {
    var holder = document.getElementById("page-data");
    if (!holder) return;
    var data = JSON.parse(holder.textContent);
    var figs = document.querySelectorAll("figure[data-chart]");
    for (var i = 0; i < figs.length; i++) {
      var fig = figs[i], kind = fig.getAttribute("data-chart");
      if (kind === "volume") barsChart(fig, data.volume, { line: false });
      else if (kind === "dyad") barsChart(fig, data.series.periods, { line: true, shifts: data.series.shifts });
      else if (kind === "network") networkChart(fig, data.nodes, data.edges);
      fig.setAttribute("data-drawn", "true");
    }
  }
  window.detenteCharts = { barsChart: barsChart, networkChart: networkChart, goldsteinColour: goldsteinColour };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw); else draw();
})();
