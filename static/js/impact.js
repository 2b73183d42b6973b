/* Dashboard charts: small horizontal bar charts drawn as SVG from the figure's json_script block.
   Self-hosted, no library. The table beside each chart carries the same figures for everyone. */
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function el(name, attrs, text) {
    var node = document.createElementNS(SVG, name);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function format(value) {
    return Number(value).toLocaleString(document.documentElement.lang || "nl", { maximumFractionDigits: 1 });
  }

  function shorten(label, max) {
    label = String(label);
    return label.length > max ? label.slice(0, max - 1) + "…" : label;
  }

  function draw(container) {
    var source = document.getElementById(container.getAttribute("data-chart"));
    if (!source) { return; }
    var data = JSON.parse(source.textContent);
    var labels = data.labels || [], series = data.series || [];
    if (!labels.length || !series.length) { return; }
    var max = 0;
    series.forEach(function (s) { s.values.forEach(function (v) { max = Math.max(max, Number(v) || 0); }); });
    max = max || 1;
    var bar = 14, gap = 10, left = 200, right = 80, width = 640, legend = series.length > 1 ? 24 : 0;
    var group = series.length * bar + gap;
    var height = legend + labels.length * group + 4;
    var svg = el("svg", { viewBox: "0 0 " + width + " " + height, class: "chart-svg", role: "presentation", focusable: "false" });
    if (legend) {
      series.forEach(function (s, i) {
        var x = left + i * 150;
        svg.appendChild(el("rect", { x: x, y: 4, width: 12, height: 12, class: "series-" + (i % 4) }));
        svg.appendChild(el("text", { x: x + 16, y: 14, class: "chart-legend" }, shorten(s.name, 20)));
      });
    }
    labels.forEach(function (label, row) {
      var top = legend + row * group;
      svg.appendChild(el("text", { x: left - 8, y: top + (series.length * bar) / 2 + 4, class: "chart-label", "text-anchor": "end" }, shorten(label, 28)));
      series.forEach(function (s, i) {
        var value = Number(s.values[row]) || 0;
        var w = Math.max(1, (value / max) * (width - left - right));
        var y = top + i * bar;
        svg.appendChild(el("rect", { x: left, y: y, width: w, height: bar - 2, class: "series-" + (i % 4) }));
        svg.appendChild(el("text", { x: left + w + 4, y: y + bar - 4, class: "chart-value" }, format(value)));
      });
    });
    container.appendChild(svg);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-chart]"), draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
