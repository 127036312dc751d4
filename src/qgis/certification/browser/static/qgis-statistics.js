/* The statistics page: a chart drawn from each figure's table (Chart.js).
   The table stays on the page as the chart's text alternative; without
   JavaScript or Chart.js the page shows the tables only. */
(function () {
  "use strict";

  function readTable(table) {
    var headings = Array.prototype.map.call(
      table.querySelectorAll("thead th"), function (cell) { return cell.textContent.trim(); });
    var labels = [];
    var series = headings.slice(1).map(function () { return []; });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      var cells = row.children;
      labels.push(cells[0].textContent.trim());
      series.forEach(function (values, index) {
        values.push(Number(cells[index + 1].textContent.trim()) || 0);
      });
    });
    return {
      labels: labels,
      datasets: series.map(function (values, index) {
        return { label: headings[index + 1], data: values };
      })
    };
  }

  function draw(box) {
    var table = document.getElementById(box.getAttribute("data-table"));
    if (!table) {
      return;
    }
    var data = readTable(table);
    var horizontal = box.getAttribute("data-chart") === "bar" && data.labels.length > 12 &&
      !/^\d{4}(-\d{2})?$/.test(data.labels[0]);
    box.style.height = horizontal ? (data.labels.length * 24 + 60) + "px" : "320px";
    new window.Chart(box.querySelector("canvas"), {
      type: box.getAttribute("data-chart"),
      data: data,
      options: {
        indexAxis: horizontal ? "y" : "x",
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: data.datasets.length > 1 } },
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 } },
          y: { beginAtZero: true, ticks: { precision: 0 } }
        }
      }
    });
    box.setAttribute("data-drawn", String(data.labels.length));
  }

  function start() {
    if (typeof window.Chart === "undefined") {
      return;
    }
    document.querySelectorAll(".qgis-chart").forEach(draw);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
