// Draws every <canvas data-chart="…"> with Chart.js (vendored from npm). The
// JSON comes from reports::chart_json; the table beside each chart is its text
// alternative, so nothing here is needed to read the figures.
(function () {
  'use strict';
  var palette = ['#1f5f8b', '#d9822b', '#4b8b3b', '#8e44ad', '#c0392b', '#7f8c8d', '#16a085', '#b7950b'];
  function draw(canvas) {
    if (canvas.dataset.drawn || typeof Chart === 'undefined') return;
    var spec = JSON.parse(canvas.dataset.chart);
    var stacked = spec.kind === 'stacked';
    var datasets = spec.series.map(function (s, i) {
      var c = palette[i % palette.length];
      return { label: s.name, data: s.values, backgroundColor: c, borderColor: c, spanGaps: true, tension: 0 };
    });
    if (spec.reference) {
      datasets.push({
        type: 'line', label: spec.reference.label, borderColor: '#b00020', borderDash: [6, 4],
        pointRadius: 0, fill: false, data: spec.labels.map(function () { return spec.reference.value; })
      });
    }
    var y = { beginAtZero: true, stacked: stacked };
    if (spec.y_max !== undefined) y.max = spec.y_max;
    new Chart(canvas, {
      type: stacked ? 'bar' : spec.kind,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { stacked: stacked }, y: y },
        plugins: { legend: { position: 'bottom' }, title: { display: !!spec.title, text: spec.title } }
      }
    });
    canvas.dataset.drawn = '1';
  }
  function drawAll(root) { root.querySelectorAll('canvas[data-chart]').forEach(draw); }
  document.addEventListener('DOMContentLoaded', function () { drawAll(document); });
  document.addEventListener('htmx:afterSettle', function (e) { drawAll(e.target); });
})();
