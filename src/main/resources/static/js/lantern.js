// Lantern's only page script. No inline scripts are allowed (CSP), so behaviour hangs off data attributes.
(function () {
  "use strict";

  // htmx: send the CSRF token with every non-GET request.
  document.addEventListener("htmx:configRequest", function (e) {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      e.detail.headers[header.content] = token.content;
    }
  });

  // Charts: <div class="chart" data-chart='{ECharts option as JSON}'></div>
  function initCharts(root) {
    if (typeof echarts === "undefined") {
      return;
    }
    root.querySelectorAll("[data-chart]").forEach(function (el) {
      if (el.dataset.chartReady) {
        return;
      }
      var option;
      try {
        option = JSON.parse(el.dataset.chart);
      } catch (err) {
        return;
      }
      var chart = echarts.init(el, null, { renderer: "svg" });
      chart.setOption(option);
      el.dataset.chartReady = "1";
      if (el.dataset.chartClick) {
        chart.on("click", function (params) {
          var url = el.dataset.chartClick
            .replace("{name}", encodeURIComponent(params.name))
            .replace("{series}", encodeURIComponent(params.seriesName || ""))
            .replace("{x}", encodeURIComponent(Array.isArray(params.value) ? params.value[0] : ""))
            .replace("{y}", encodeURIComponent(Array.isArray(params.value) ? params.value[1] : ""));
          if (el.dataset.chartTarget && typeof htmx !== "undefined") {
            htmx.ajax("GET", url, { target: el.dataset.chartTarget });
          } else {
            window.location.href = url;
          }
        });
      }
      window.addEventListener("resize", function () { chart.resize(); });
    });
  }

  // Confirm before destructive actions: <button data-confirm="确定停用？">
  document.addEventListener("submit", function (e) {
    var btn = e.submitter;
    if (btn && btn.dataset.confirm && !window.confirm(btn.dataset.confirm)) {
      e.preventDefault();
    }
  });

  // Empty a form row and let the form react (live totals): <tr><td><select>…</select></td>…<button data-clear-row>
  document.addEventListener("click", function (e) {
    var btn = e.target.closest ? e.target.closest("[data-clear-row]") : null;
    if (!btn) {
      return;
    }
    var row = btn.closest("tr");
    row.querySelectorAll("select").forEach(function (s) { s.value = ""; });
    row.querySelectorAll("input").forEach(function (i) { i.value = i.getAttribute("data-empty") || ""; });
    row.querySelector("select").dispatchEvent(new Event("change", { bubbles: true }));
  });

  document.addEventListener("DOMContentLoaded", function () { initCharts(document); });
  document.addEventListener("htmx:afterSettle", function (e) { initCharts(e.target); });
})();
