// ZPrimePlot: publication exclusion plots written as SVG, with no physics inside.
//
// The last stage of the pipeline: the limit library and the scans hand over the edges of each
// excluded region (a lower edge on a mass grid for a prompt search, lower and upper edges for a
// displaced island, the two edges of a preferred band, a dashed projection, or closed polygons), and
// this module draws the mass-coupling plane the way the field's papers do: log-log axes with decade
// ticks, every region filled with a thin darker boundary and labelled inside itself, islands closed,
// bands translucent, projections dashed, the model and its assumptions in the title, the confidence
// levels in the caption, an optional branching-ratio panel.
//
//     let plot = ExclusionPlot(title: "U(1)_{B−L}", assumptions: ["Dirac ν"],
//                              xAxis: .bosonMass(from: 1e-3, to: 10), yAxis: .coupling("g_{B−L}", from: 1e-6, to: 1e-2),
//                              layers: [.excluded(name: "BaBar", experiment: "BaBar", x: masses, lower: edge)])
//     try Rendering.writeSVG(try plot.svg(), to: url)          // PNG/PDF: Rendering.png(svg:to:)
//
// Concepts, one folder each:
// - Geometry: `PlotPoint`, `PlotRect`, `PlotPolygon`, `PlotAxis` and `AxisMapping` (data <-> pixels),
//   `Ticks`, `Clipping` (polygons split into their pieces, polylines), `Regions` (edges -> polygons).
// - Style: `PlotColor`, `PlotCategory`, `ExperimentColors` (one fixed colour per experiment).
// - Text: `RichText` (sub- and superscripts), `FontMetrics` (DejaVu advance widths), `TextWrapping`.
// - Layout: `PlotLayer`, `ExclusionPlot`, `PlotLayout` (every position), `LabelPlacer` (labels inside
//   their regions without overlaps, outside with a leader line for slivers), `BranchingRatioPanel`.
// - SVG: `SVGWriter` (deterministic text), `PlotLayout.svg()`.
// - Rendering: `Rendering` (atomic file writes, PNG/PDF through rsvg-convert, a Problem when missing).
// Design and pictures: docs/plotting.md.
