import ZPrimeConstraints
import ZPrimeCore
import ZPrimeDecays
import ZPrimePlot
import ZPrimePoint

extension AnalysisResult {
    /// The exclusion plot of the analysis: every limit and computed constraint that reaches into the
    /// plane (recast limits from their native masses), the (g-2)_mu band at 1 and 2 sigma when the
    /// dataset prefers one, the ATOMKI band at the X17 mass, the benchmark, and the branching ratios.
    public func exclusionPlot() -> ExclusionPlot {
        let plane = map.plane
        let top = plane.couplings.upperBound * 10
        var layers: [PlotLayer] = []
        // Experiments with several curves are told apart by year (and channel, for one year twice).
        var perExperiment: [String: Int] = [:]
        var perYear: [String: Int] = [:]
        for curve in map.exclusions {
            perExperiment[Self.shortLabel(curve.info), default: 0] += 1
            perYear[Self.shortLabel(curve.info) + " \(curve.info.year)", default: 0] += 1
        }
        for curve in map.exclusions {
            let x = curve.rows.map(\.mass)
            let lower = curve.rows.map { $0.intervals.first?.lower }
            let isIsland = curve.rows.contains { $0.intervals.last?.upper != nil }
            let short = Self.shortLabel(curve.info)
            var text = short
            if perExperiment[short, default: 0] > 1 {
                text += " \(curve.info.year)"
                if perYear[text, default: 0] > 1 {
                    let name = curve.info.name
                    text = name.contains("_") ? short + " " + name.split(separator: "_").last.map(String.init)! : name.replacingOccurrences(of: "-", with: " ")
                }
            }
            let label = RichText(plain: text)
            let category = Self.plotCategory(curve.info)
            // Computed constraints are exact for the model; the published limits are recast to it.
            let recast = !point.model.isKineticMixingOnly && ![.anomalousMagneticMoment, .parityViolation, .nuclear].contains(curve.info.category)
            if isIsland {
                let upper = curve.rows.map { row -> Double? in row.intervals.isEmpty ? nil : (row.intervals.last!.upper ?? top) }
                layers.append(.island(name: curve.info.name, experiment: Self.shortLabel(curve.info), category: category, x: x, lower: lower,
                                      upper: upper, label: label, isRecast: recast, confidenceLevel: curve.info.confidenceLevel))
            } else {
                layers.append(.excluded(name: curve.info.name, experiment: Self.shortLabel(curve.info), category: category, x: x, lower: lower,
                                        label: label, isRecast: recast, confidenceLevel: curve.info.confidenceLevel))
            }
        }
        let muonBands = map.bands.filter { $0.info.name == "g2_mu_band" }.sorted { ($0.sigmas ?? 0) > ($1.sigmas ?? 0) }
        for (i, band) in muonBands.enumerated() {
            let sigmaText = muonBands.count > 1 ? "± " + muonBands.reversed().map { Analysis.format($0.sigmas ?? 0) + "σ" }.joined(separator: ", ") : "± " + Analysis.format(band.sigmas ?? 0) + "σ"
            layers.append(.band(name: "g-2 mu \(Analysis.format(band.sigmas ?? 0)) sigma", experiment: "(g-2)_mu", x: band.rows.map(\.mass),
                                lower: band.rows.map { $0.intervals.first?.lower }, upper: band.rows.map { $0.intervals.first?.upper },
                                label: RichText(stringLiteral: "(g−2)_{μ} " + sigmaText + " (" + muonDataset.name + ")"),
                                showsLabel: i == 0, opacity: i == 0 ? 0.25 : 0.35))
        }
        for band in map.bands where band.info.name != "g2_mu_band" {
            layers.append(.band(name: band.info.name, experiment: Self.shortLabel(band.info), x: band.rows.map(\.mass),
                                lower: band.rows.map { $0.intervals.first?.lower }, upper: band.rows.map { $0.intervals.first?.upper },
                                label: RichText(plain: Self.shortLabel(band.info)), opacity: 0.3))
        }
        if let atomki = atomkiBand {
            layers.append(.band(name: "ATOMKI", experiment: "ATOMKI", x: atomki.rows.map(\.mass),
                                lower: atomki.rows.map { $0.intervals.first?.lower }, upper: atomki.rows.map { $0.intervals.first?.upper },
                                label: "ATOMKI ⁸Be", opacity: 0.6))
        }
        if let na64mu = na64muExpected {
            layers.append(.projection(name: "NA64mu expected", experiment: "NA64μ", x: na64mu.rows.map(\.mass),
                                      y: na64mu.rows.map { $0.intervals.first?.lower }, label: "NA64μ 2022 (expected, unit efficiency)"))
        }
        let name = point.model.name
        let isDarkPhoton = point.couplingAxis == .kineticMixing
        let coupling: RichText = isDarkPhoton ? "ε" : RichText(stringLiteral: "g_{\(name.replacingOccurrences(of: "-", with: "−"))}")
        let title: RichText = isDarkPhoton ? "Dark photon A′" : RichText(stringLiteral: "U(1)_{\(name.replacingOccurrences(of: "-", with: "−"))} gauge boson")
        var assumptions: [RichText] = [RichText(plain: "ν: " + point.neutrinos.rawValue)]
        switch point.kineticMixing {
        case .none: if !isDarkPhoton { assumptions.append("no kinetic mixing (ε = 0)") }
        case .fixed(let eps): if !isDarkPhoton { assumptions.append(RichText(plain: "ε = " + Analysis.format(eps))) }
        case .proportional(let r): assumptions.append(RichText(plain: "ε = " + Analysis.format(r) + " g"))
        case .model: assumptions.append("kinetic mixing of the model")
        case .oneLoopEstimate: assumptions.append("one-loop kinetic mixing")
        }
        if point.darkSector != .none { assumptions.append("dark-sector width") }
        assumptions.append(RichText(plain: "(g−2)_μ: " + muonDataset.name + " dataset"))
        assumptions.append(RichText(plain: "benchmark: m = " + Analysis.format(benchmark.mass * 1e3) + " MeV, " + (isDarkPhoton ? "ε" : "g") + " = " + Analysis.format(benchmark.coupling)))
        var channels: [BranchingRatioPanel.Curve] = []
        for (key, label, channel) in [("ee", "e^{+}e^{−}", DecayChannel.electron), ("mumu", "μ^{+}μ^{−}", .muon), ("tautau", "τ^{+}τ^{−}", .tau),
                                      ("nunu", "νν̄", .neutrinos), ("hadrons", "hadrons", .hadrons)] as [(String, RichText, DecayChannel)] {
            let ratios = decays.map { $0.total > 0 ? $0.branchingRatio(channel) : 0 }
            if ratios.contains(where: { $0 >= 0.01 }) {
                channels.append(.init(key: key, label: label, x: map.masses, ratio: ratios.map { $0 > 0 ? $0 : nil }))
            }
        }
        return ExclusionPlot(
            title: title, assumptions: assumptions,
            xAxis: .bosonMass(from: plane.masses.lowerBound, to: plane.masses.upperBound, symbol: isDarkPhoton ? "m_{A′}" : "m_{Z′}"),
            yAxis: .coupling(coupling, from: plane.couplings.lowerBound, to: plane.couplings.upperBound),
            layers: layers,
            notes: ["Limits recast to the model by the method of Ilten, Soreq, Williams, Xue (arXiv:1801.04847) from DarkCast v2.1 and later published curves; g-2, APV, E158 and ATOMKI computed for the model."],
            branchingRatios: channels.isEmpty ? nil : BranchingRatioPanel(curves: channels),
            height: channels.isEmpty ? 620 : 740)
    }

    /// The label of a constraint in the plot: the experiment without its parenthesis, or a symbol.
    static func shortLabel(_ info: ConstraintInfo) -> String {
        switch info.name {
        case "g2_mu_exclusion": return "(g−2)_μ"
        case "g2_e_exclusion": return "(g−2)_e"
        case "g2_mu_band": return "(g−2)_μ"
        case "g2_e_band": return "(g−2)_e"
        case "apv_cs": return "Cs APV"
        case "e158_moller": return "E158"
        default:
            let base = info.experiment.components(separatedBy: " (").first ?? info.experiment
            return base.isEmpty ? info.name : base
        }
    }

    /// The plot's colour family of a constraint category.
    static func plotCategory(_ info: ConstraintInfo) -> PlotCategory {
        switch info.category {
        case .displaced: return .beamDump
        case .neutrinoScattering, .parityViolation: return .scattering
        case .astrophysics: return .astrophysics
        case .anomalousMagneticMoment: return .computed
        default: return .directSearch
        }
    }
}
