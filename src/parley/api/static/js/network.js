// The actor network: Cytoscape draws nodes (actors) and edges (events, coloured by PLOVER
// quad class) from the page's JSON block; clicking or tapping a node filters the network to
// that actor, an edge opens the timeline of its two actors. Labels are drawn on canvas (never parsed as markup).
(function () {
  "use strict";
  var holder = document.getElementById("network");
  var source = document.getElementById("network-data");
  if (!holder || !source || typeof cytoscape === "undefined") { return; }
  var graph = JSON.parse(source.textContent);
  var colours = { 1: "#2e7d32", 2: "#1565c0", 3: "#ef6c00", 4: "#c62828" };
  var elements = graph.nodes.map(function (n) {
    return { data: { id: n.id, label: String(n.label), weight: n.events } };
  }).concat(graph.edges.map(function (e) {
    return { data: { id: e.id, source: e.source, target: e.target, weight: e.events,
                     colour: colours[e.quad_class] || "#777" } };
  }));
  var cy = cytoscape({
    container: holder, elements: elements, wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "label": "data(label)", "font-size": 11, "text-wrap": "ellipsis",
        "text-max-width": 120, "background-color": "#455a64",
        "width": "mapData(weight, 1, 30, 14, 44)", "height": "mapData(weight, 1, 30, 14, 44)" } },
      { selector: "edge", style: { "line-color": "data(colour)", "target-arrow-color": "data(colour)",
        "target-arrow-shape": "triangle", "curve-style": "bezier", "opacity": 0.8,
        "width": "mapData(weight, 1, 10, 1.5, 7)" } }
    ],
    layout: { name: graph.nodes.length > 1 ? "cose" : "grid", animate: false, randomize: false }
  });
  cy.on("tap", "node", function (event) {
    window.location.href = "/ui/network?actor=" + encodeURIComponent(event.target.id());
  });
  cy.on("tap", "edge", function (event) {
    var edge = event.target;
    window.location.href = "/ui/timeline?actor=" + encodeURIComponent(edge.source().id()) +
      "&actor=" + encodeURIComponent(edge.target().id());
  });
  window.parleyNetwork = cy;
})();
