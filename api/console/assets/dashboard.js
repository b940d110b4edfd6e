// The dashboard's charts (CSP: our own file, no inline script): each <canvas data-chart="<id>">
// is drawn by Chart.js from the JSON block with that id, the numbers its table also lists.
// Series differ by colour AND by line style and point shape, so colour is never the only cue.
(function () {
  'use strict';
  // Dark enough on white for graphical objects (WCAG 1.4.11, ≥ 3:1): blue, brown-orange, green, purple.
  var COLOURS = ['#1a47b8', '#a14a00', '#1e6b34', '#6b2c91'];
  var DASHES = [[], [6, 4], [2, 3], [10, 3, 2, 3]];
  var POINTS = ['circle', 'rectRot', 'triangle', 'rect'];

  function draw(canvas) {
    var block = document.getElementById(canvas.getAttribute('data-chart'));
    if (!block || typeof Chart === 'undefined') return;
    var spec = JSON.parse(block.textContent || '{}');
    var horizontal = spec.kind === 'horizontal-bar';
    var type = spec.kind === 'line' ? 'line' : 'bar';
    var datasets = spec.datasets.map(function (d, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {
        label: d.label,
        data: d.data,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: type === 'line' ? 2 : 1,
        borderDash: DASHES[i % DASHES.length],
        pointStyle: POINTS[i % POINTS.length],
        pointRadius: 4,
        spanGaps: true,
      };
    });
    var valueAxis = { beginAtZero: true, ticks: { color: '#333', precision: spec.percent ? undefined : 0 } };
    if (spec.percent) {
      valueAxis.max = 100;
      valueAxis.ticks.callback = function (v) { return v + ' %'; };
    }
    var labelAxis = { ticks: { color: '#333', autoSkip: true } };
    canvas.chart = new Chart(canvas, {
      type: type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        plugins: {
          legend: { display: datasets.length > 1, labels: { color: '#222', usePointStyle: true } },
          tooltip: { enabled: true },
        },
      },
    });
    canvas.setAttribute('data-drawn', 'true');
  }

  function start() {
    var canvases = document.querySelectorAll('canvas[data-chart]');
    for (var i = 0; i < canvases.length; i++) draw(canvases[i]);
    // Typing a date means "these dates": the preset would otherwise overrule them.
    var preset = document.getElementById('dashboard-preset');
    ['dashboard-from', 'dashboard-to'].forEach(function (id) {
      var input = document.getElementById(id);
      if (input && preset) input.addEventListener('change', function () { preset.value = 'custom'; });
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
