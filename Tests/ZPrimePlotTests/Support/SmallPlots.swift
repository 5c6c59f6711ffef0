import Foundation
import ZPrimePlot

/// Two small plots with hand-made edges, for the golden SVGs and the XML checks (every layer kind,
/// a gap, an island tip, a projection with its legend, mixed confidence levels, a zoom inside one
/// decade and the branching-ratio panel).
enum SmallPlots {
    /// A dark-photon-like plane: two prompt limits (one with a vetoed window), an island, a band, a
    /// projection.
    static func plane() -> ExclusionPlot {
        ExclusionPlot(
            title: "Test model",
            assumptions: ["Dirac ν", "no dark width", "ε = 10^{−3} g"],
            xAxis: .bosonMass(from: 1e-3, to: 10),
            yAxis: .coupling("g_{X}", from: 1e-7, to: 1e-2),
            layers: [
                .excluded(name: "Prompt A", experiment: "BaBar", x: [0.02, 0.1, 0.5, 0.7, 0.8, 2, 10],
                          lower: [2e-3, 8e-4, 6e-4, nil, 7e-4, 6e-4, 8e-4], confidenceLevel: 0.9),
                .excluded(name: "Prompt B", experiment: "CMS", x: [1.5, 3, 10], lower: [3e-4, 2e-4, 2.5e-4], confidenceLevel: 0.95),
                .island(name: "Dump", experiment: "E137", x: [1e-3, 1e-2, 0.1, 0.3], lower: [3e-7, 5e-7, 2e-6, 1e-5],
                        upper: [1e-3, 1e-4, 2e-5, 1e-5], confidenceLevel: 0.9),
                .band(name: "Band", experiment: "(g-2)_mu", x: [1e-3, 1e-2, 0.1, 1, 10], lower: [4e-4, 4.2e-4, 7e-4, 5e-3, 4e-2],
                      upper: [6e-4, 6.3e-4, 1.05e-3, 7.5e-3, 6e-2], label: "(g−2)_{μ}"),
                .projection(name: "Future", experiment: "Future", x: [1e-3, 0.1, 10], y: [1e-5, 5e-6, 3e-5], label: "Future (projection)"),
            ],
            notes: ["Hand-made edges for the golden test."],
            width: 480, height: 380)
    }

    /// An X17 zoom, 16 ... 18 MeV on a log axis labelled in MeV, a polygon layer and the BR panel.
    static func zoom() -> ExclusionPlot {
        ExclusionPlot(
            title: "X17 window",
            assumptions: ["protophobic"],
            xAxis: .bosonMass(from: 0.016, to: 0.018, unit: .MeV, symbol: "m_{X}"),
            yAxis: .coupling("ε", from: 1e-4, to: 1e-2),
            layers: [
                .polygon(name: "Box", experiment: "KLOE", category: .directSearch,
                         polygons: [[PlotPoint(x: 0.0165, y: 2e-3), PlotPoint(x: 0.0175, y: 2e-3), PlotPoint(x: 0.0175, y: 1e-2), PlotPoint(x: 0.0165, y: 1e-2)]]),
                .excluded(name: "Floor", experiment: "NA64", x: [0.016, 0.017, 0.018], lower: [nil, nil, nil]),
                .band(name: "ATOMKI", experiment: "ATOMKI", x: [0.01685, 0.01717], lower: [5e-4, 5.2e-4], upper: [8e-4, 8.3e-4], label: "⁸Be"),
            ],
            branchingRatios: BranchingRatioPanel(curves: [
                .init(key: "ee", label: "e^{+}e^{−}", x: [0.016, 0.017, 0.018], ratio: [1, 1, 1]),
                .init(key: "nunu", label: "νν̄", x: [0.016, 0.017, 0.018], ratio: [0, 0, 0]),
            ], height: 60),
            width: 420, height: 400)
    }
}
