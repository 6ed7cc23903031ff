// The timeliness dashboard's weekly chart (issue 9 item 3), drawn with Chart.js (the app's own webjar, no CDN)
// from the table below it: the table is the chart's text alternative and its only source, so they cannot differ.
(function () {
  'use strict';
  var canvas = document.getElementById('weekly-chart');
  var table = document.getElementById('weekly');
  if (!canvas || !table || typeof window.Chart === 'undefined') {
    return;
  }
  // Colours and point shapes that stay apart for colour-blind readers (Okabe-Ito palette).
  var colours = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#000000', '#F0E442'];
  var shapes = ['circle', 'rect', 'triangle', 'rectRot', 'crossRot', 'star', 'rectRounded', 'cross'];
  var departments = Array.prototype.slice.call(table.querySelectorAll('thead th[data-department]'))
    .map(function (th) { return th.textContent.trim(); });
  var rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr'));
  var labels = rows.map(function (row) {
    var start = row.getAttribute('data-week').split('-');
    return start[2] + '/' + start[1];
  });
  var datasets = departments.map(function (name, i) {
    return {
      label: name,
      data: rows.map(function (row) {
        var value = row.querySelectorAll('td')[i].getAttribute('data-percent');
        return value === null || value === '' ? null : Number(value);
      }),
      borderColor: colours[i % colours.length],
      backgroundColor: colours[i % colours.length],
      pointStyle: shapes[i % shapes.length],
      pointRadius: 4,
      borderWidth: 2,
      spanGaps: true
    };
  });
  var target = Number(canvas.getAttribute('data-target'));
  datasets.push({
    label: 'Target (' + target + '%)',
    data: rows.map(function () { return target; }),
    borderColor: '#505a5f',
    borderDash: [6, 4],
    borderWidth: 2,
    pointRadius: 0,
    fill: false
  });
  new window.Chart(canvas, {
    type: 'line',
    data: { labels: labels, datasets: datasets },
    options: {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        y: { min: 0, max: 100, title: { display: true, text: 'Answered within 10 working days (%)' } },
        x: { title: { display: true, text: 'Week received (starting Monday)' } }
      },
      plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } }
    }
  });
}());
