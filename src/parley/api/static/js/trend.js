// The timeline's cooperation-conflict chart: monthly mean intensity on a real time axis
// (empty months are gaps in the line) and one dot per dated event. Data comes from the
// page's JSON block; every string reaches Plotly as plain text (tags stripped).
(function () {
  "use strict";
  var holder = document.getElementById("trend");
  var source = document.getElementById("trend-data");
  if (!holder || !source) { return; }
  var data = JSON.parse(source.textContent);
  var plain = function (value) { return String(value == null ? "?" : value).replace(/[<>&]/g, " "); };
  if (!data.trend.length && !data.events.length) {
    var note = document.createElement("p");
    note.className = "muted";
    note.textContent = "No dated events with an intensity to draw.";
    holder.replaceWith(note);
    return;
  }
  if (typeof Plotly === "undefined") { return; }
  var colours = { 1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828", 0: "#777" };
  var dated = data.events.filter(function (e) { return e.intensity !== null && e.date; });
  var traces = [{
    type: "scatter", mode: "lines+markers", name: "monthly mean",
    x: data.trend.map(function (m) { return m.month + "-15"; }),
    y: data.trend.map(function (m) { return m.mean; }),
    text: data.trend.map(function (m) { return m.month + ": " + m.events + " event(s)"; }),
    hoverinfo: "text+y", connectgaps: false, line: { color: "#37474f", width: 2 }
  }, {
    type: "scatter", mode: "markers", name: "events",
    x: dated.map(function (e) { return e.date.length === 4 ? e.date + "-07-01" : (e.date.length === 7 ? e.date + "-15" : e.date); }),
    y: dated.map(function (e) { return e.intensity; }),
    text: dated.map(function (e) { return plain(e.date) + " " + plain(e.type) + ": " + plain(e.source) + " → " + plain(e.target); }),
    customdata: dated.map(function (e) { return e.id; }),
    hoverinfo: "text", marker: { size: 9, opacity: 0.8, color: dated.map(function (e) { return colours[e.quad || 0]; }) }
  }];
  var layout = {
    margin: { l: 50, r: 10, t: 10, b: 40 }, showlegend: false,
    xaxis: { type: "date", title: { text: "date" } },
    yaxis: { range: [-10.5, 10.5], zeroline: true, title: { text: "conflict ← → cooperation" } }
  };
  Plotly.newPlot(holder, traces, layout, { displaylogo: false, responsive: true, modeBarButtonsToRemove: ["toImage"] });
  holder.on("plotly_click", function (event) {
    var point = event.points && event.points[0];
    if (point && point.customdata) { window.location.href = "/ui/events/" + encodeURIComponent(point.customdata); }
  });
})();
