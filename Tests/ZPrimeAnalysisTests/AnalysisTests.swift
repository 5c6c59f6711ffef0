import Foundation
import Testing
@testable import ZPrimeAnalysis
import ZPrimeConstraints
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

@Suite("Interval algebra of the surviving window")
struct IntervalAlgebraTests {
    func i(_ lower: Double, _ upper: Double?) -> CouplingInterval { CouplingInterval(lower: lower, upper: upper) }

    @Test("union merges overlapping and open intervals, keeps disjoint ones")
    func union() {
        #expect(ExclusionMap.union([i(3, 4), i(1, 2), i(1.5, 2.5)]) == [i(1, 2.5), i(3, 4)])
        #expect(ExclusionMap.union([i(1, 2), i(1.5, nil)]) == [i(1, nil)])
        #expect(ExclusionMap.union([]) == [])
    }

    @Test("subtracting exclusions from the plane's range leaves the gaps (hand-derived)")
    func subtract() {
        let plane = [i(1e-6, 1e-2)]
        // A prompt limit above 1e-4 and an island 1e-5...3e-5 leave 1e-6...1e-5 and 3e-5...1e-4.
        #expect(ExclusionMap.subtract([i(1e-4, nil), i(1e-5, 3e-5)], from: plane) == [i(1e-6, 1e-5), i(3e-5, 1e-4)])
        // An exclusion outside the range changes nothing; one covering it leaves nothing.
        #expect(ExclusionMap.subtract([i(1, nil)], from: plane) == plane)
        #expect(ExclusionMap.subtract([i(1e-9, nil)], from: plane) == [])
    }

    @Test("coarse-grid constraints: edges interpolated in log-log between solved masses, nearer neighbour otherwise")
    func interpolation() {
        let masses = [1.0, 10, 100, 1000]
        // Solved at 1 and 100 (a power law g = 1e-4 m): the edge at m = 10 is 1e-3, exactly in log-log.
        let column: [[CouplingInterval]?] = [[i(1e-4, nil)], nil, [i(1e-2, nil)], [i(1e-1, 1), i(2, nil)]]
        let filled = ExclusionMap.interpolated(column, at: [0, 2, 3], masses: masses)
        #expect(abs(filled[1]![0].lower / 1e-3 - 1) < 1e-12)
        #expect(filled[1]![0].upper == nil)
        #expect(filled[3] == column[3])
        // Different interval counts: the nearer neighbour in log mass (m = 10: t = 1/3, the left; m = 100: the right).
        let mixed = ExclusionMap.interpolated([[i(1, nil)], nil, nil, [i(1, 2), i(3, nil)]], at: [0, 3], masses: masses)
        #expect(mixed[1] == [i(1, nil)])
        #expect(mixed[2] == [i(1, 2), i(3, nil)])
        #expect(ExclusionMap.coarseIndices(count: 25) == [0, 10, 20, 24])
        #expect(ExclusionMap.coarseIndices(count: 21) == [0, 10, 20])
    }

    @Test("intersection of the allowed couplings with a band")
    func intersect() {
        #expect(ExclusionMap.intersect([i(1, 3), i(5, 8)], [i(2, 6)]) == [i(2, 3), i(5, 6)])
        #expect(ExclusionMap.intersect([i(1, 2)], [i(3, 4)]) == [])
    }
}

@Suite("Analysis plane and benchmark")
struct AnalysisPlaneTests {
    @Test("bad planes are errors naming the range")
    func badPlanes() {
        let inverted = AnalysisPlane(masses: 1...1, couplings: 1e-6...1e-2)
        #expect(throws: Problem.self) { try inverted.validate() }   // an empty (single-point) mass range
        #expect(throws: Problem.self) { try AnalysisPlane(masses: 0...1, couplings: 1e-6...1e-2).validate() }
        #expect(throws: Problem.self) { try AnalysisPlane(masses: 1e-3...1, couplings: 1e-6...1e-2, massPoints: 1).validate() }
        #expect(throws: Problem.self) { try AnalysisPlane(masses: 1e-3...1e6, couplings: 1e-6...1e-2).validate() }
        #expect(throws: Problem.self) { try AnalysisPlane(masses: 1e-3...1, couplings: 1e-6...100).validate() }
        #expect(throws: Never.self) { try AnalysisPlane(masses: 1e-3...1, couplings: 1e-6...1e-2).validate() }
    }

    @Test("the grid spans the plane, log-spaced")
    func grid() throws {
        let masses = try AnalysisPlane(masses: 1e-3...1, couplings: 1e-6...1e-2, massPoints: 4).massGrid()
        #expect(masses.count == 4)
        for (m, expected) in zip(masses, [1e-3, 1e-2, 1e-1, 1]) { #expect(abs(m / expected - 1) < 1e-12) }
    }

    /// The coupling of L_mu - L_tau (no loop mixing: the muon's vector coupling is g) at which the
    /// one-loop Delta a_mu equals the 2021 central value 251e-11 at m = 10 MeV:
    /// g^2/(4 pi^2) int_0^1 x^2 (1-x)/(x^2 + (1-x) m^2/m_mu^2) dx = 251e-11, solved with mpmath
    /// (30 digits; the integral is 0.3913221422931426): g = 5.032102953382462e-4. Tolerance 1e-7
    /// relative: the root is solved to 1e-10 and the closed-form loop function is exact to ~1e-12.
    @Test("the (g-2)_mu benchmark coupling against mpmath")
    func centralCoupling() throws {
        var point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4,
                                       datasets: DatasetSelection(muon: "2021"))
        point.loopMixing = .off
        let prepared = try ConstraintRegistry.standard().prepare(for: point)
        let dataset = try prepared.inputs.dataset(.muon, named: "2021")
        let g = try Analysis.centralMuonCoupling(point: point, mass: 0.01, prepared: prepared, dataset: dataset)
        #expect(abs(g / 5.032102953382462e-4 - 1) < 1e-7)
    }

    @Test("L_mu - L_tau with the 2021 data: a g-2 benchmark on the band, windows inside the plane")
    func lMuLTau() throws {
        let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4,
                                       datasets: DatasetSelection(muon: "2021"))
        let plane = AnalysisPlane(masses: 1e-3...1, couplings: 1e-5...1e-2, massPoints: 31)
        let result = try Analysis.run(point: point, plane: plane)
        #expect(result.benchmark.origin == .muonAnomaly)
        #expect(result.observables["delta_a_mu"].map { abs($0.value / 251e-11 - 1) < 1e-6 } == true)
        #expect(result.map.bands.contains { $0.info.name == "g2_mu_band" && $0.sigmas == 1 })
        for w in result.windows + result.bandWindows {
            #expect(plane.masses.contains(w.masses.lowerBound) && plane.masses.contains(w.masses.upperBound))
            #expect(w.couplings.lowerBound >= plane.couplings.lowerBound && w.couplings.upperBound <= plane.couplings.upperBound)
        }
        // The report and the plot name the model and the dataset; the SVG is complete.
        #expect(result.markdown(plotFile: "plot.svg").contains("2021"))
        let svg = try result.exclusionPlot().svg()
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("</svg>"))
    }

    @Test("the 2025 data prefer no band: the benchmark falls back to the surviving window")
    func newestData() throws {
        let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.01, coupling: 5e-4,
                                       datasets: DatasetSelection(muon: "2025"))
        let result = try Analysis.run(point: point, plane: AnalysisPlane(masses: 1e-3...1, couplings: 1e-5...1e-2, massPoints: 21))
        #expect(!result.map.bands.contains { $0.info.name == "g2_mu_band" })
        #expect(result.benchmark.origin == .window)
        #expect(result.excluding.isEmpty)   // the middle of a surviving window is allowed
    }
}
