import Foundation
import ZPrimePlot

/// The two demonstration figures of docs/plotting.md, built from the fixture curves.
enum DemoPlots {
    static func excluded(_ file: String, _ experiment: String, label: RichText? = nil, category: PlotCategory = .directSearch,
                         cl: Double? = nil) throws -> PlotLayer {
        let data = try Fixtures.darkCast(file)
        return .excluded(name: file, experiment: experiment, category: category, x: data.x, lower: data.lower, label: label, confidenceLevel: cl)
    }

    static func island(_ file: String, _ experiment: String, label: RichText? = nil, cl: Double? = nil) throws -> PlotLayer {
        let data = try Fixtures.darkCast(file)
        return .island(name: file, experiment: experiment, x: data.x, lower: data.lower, upper: data.upper!, label: label, confidenceLevel: cl)
    }

    /// The visible dark photon: prompt searches, beam-dump islands, SN1987A, (g-2)_e and the (g-2)_mu band.
    static func darkPhoton() throws -> ExclusionPlot {
        let lowerBand = try Fixtures.darkCast("AMMmu_Bodas2021fsy_2l"), upperBand = try Fixtures.darkCast("AMMmu_Bodas2021fsy_2u")
        let layers: [PlotLayer] = [
            try excluded("BaBar_Lees2014xha", "BaBar", cl: 0.9),
            try excluded("LHCb_Aaij2019bvg_prompt", "LHCb", cl: 0.9),
            try excluded("KLOE_Anastasi2015qla", "KLOE", cl: 0.9),
            try excluded("A1_Merkel2014avp", "A1"),
            try excluded("NA48_Batley2015lha", "NA48/2", cl: 0.9),
            try excluded("APEX_Abrahamyan2011gv", "APEX"),
            try excluded("CMS_CMS2019kiy", "CMS", cl: 0.95),
            try excluded("AMMe_Bodas2021fsy_rb", "(g-2)_e", label: "(g−2)_{e}", category: .computed),
            try island("E137_Andreas2012mt", "E137"),
            try island("E141_Riordan1987aw", "E141"),
            try island("E774_Bross1989mp", "E774"),
            try island("KEK_Konaka1986cb", "KEK"),
            try island("Orsay_Davier1989wz", "Orsay"),
            try island("NuCAL_Blumlein1991xh", "NuCal", label: "ν-Cal"),
            try island("CHARM_Tsai2019mtm", "CHARM"),
            try island("NA64_Banerjee2019hmi", "NA64"),
            try island("FASER_Petersen2023hgm", "FASER", cl: 0.9),
            .polygon(name: "SN1987A", experiment: "SN1987A", category: .astrophysics,
                     polygons: [try Fixtures.points("foresee/DarkPhoton_bounds_SN.txt")]),
            .band(name: "g-2 mu 2 sigma", experiment: "(g-2)_mu", x: lowerBand.x, lower: lowerBand.lower, upper: upperBand.lower,
                  label: "(g−2)_{μ} ± 2σ", opacity: 0.35),
        ]
        return ExclusionPlot(
            title: "Dark photon A′, visible decays",
            assumptions: ["couplings ε e Q_{f}", "no dark-sector width", "(g−2)_{μ} band of Bodas et al. (2021)"],
            xAxis: .bosonMass(from: 1e-3, to: 1e2, symbol: "m_{A′}"),
            yAxis: .coupling("ε", from: 1e-8, to: 1e-2),
            layers: layers,
            notes: ["Curves: DarkCast v2.1 (arXiv:1801.04847) and FORESEE (arXiv:2105.07077); SN1987A: Chang, Essig, McDermott (arXiv:1611.03864)."],
            height: 620)
    }

    /// U(1)_{B-L}: neutrino scattering, NA64, the (g-2)_mu bands, the ATOMKI sliver, two projections and the BR panel.
    static func bMinusL() throws -> ExclusionPlot {
        let band = try Fixtures.rows("generated/bl-g2mu-band-2021.csv")
        let atomki = try Fixtures.rows("generated/bl-atomki.csv")
        let branching = try Fixtures.rows("generated/bl-branching-ratios.csv")
        let na64mu = try Fixtures.points("foresee/BminusL_limits_NA_64mu.txt")
        let belle = try Fixtures.points("foresee/BminusL_limits_Belle-IIyvv.txt")
        // Projections are curves; the Belle II file ends with a vertical segment (two rows at one mass).
        let layers: [PlotLayer] = [
            try excluded("Texono_Bauer2018onh", "TEXONO", category: .scattering),
            try excluded("CHARMII_Bauer2018onh", "CHARM-II", category: .scattering),
            try excluded("Borexino_Bauer2018onh", "Borexino", category: .scattering),
            .polygon(name: "NA64 invisible", experiment: "NA64", category: .directSearch,
                     polygons: [try Fixtures.points("foresee/BminusL_bounds_NA64_inv_new.txt")], confidenceLevel: 0.9),
            .band(name: "g-2 mu 2 sigma", experiment: "(g-2)_mu", x: band.map { $0[0] }, lower: band.map { $0[3] }, upper: band.map { $0[4] },
                  label: "(g−2)_{μ} ± 1σ, 2σ", opacity: 0.25),
            .band(name: "g-2 mu 1 sigma", experiment: "(g-2)_mu", x: band.map { $0[0] }, lower: band.map { $0[1] }, upper: band.map { $0[2] },
                  showsLabel: false, opacity: 0.35),
            .band(name: "ATOMKI", experiment: "ATOMKI", x: atomki.map { $0[0] }, lower: atomki.map { $0[1] }, upper: atomki.map { $0[2] },
                  label: "ATOMKI ⁸Be", opacity: 0.6),
            .projection(name: "NA64mu", experiment: "NA64μ", x: na64mu.map(\.x), y: na64mu.map(\.y), label: "NA64μ (projection)"),
            .projection(name: "Belle II", experiment: "Belle II", x: belle.map(\.x), y: belle.map(\.y), label: "Belle II γ + invisible (projection)"),
        ]
        let masses = branching.map { $0[0] }
        func channel(_ key: String, _ label: RichText, _ column: Int) -> BranchingRatioPanel.Curve {
            .init(key: key, label: label, x: masses, ratio: branching.map { $0[column] })
        }
        return ExclusionPlot(
            title: "U(1)_{B−L} gauge boson",
            assumptions: ["Majorana ν (ν_{L} only)", "no dark-sector width", "no kinetic mixing (ε = 0)", "(g−2)_{μ}: 2021 world average vs WP20"],
            xAxis: .bosonMass(from: 1e-3, to: 10),
            yAxis: .coupling("g_{B−L}", from: 1e-6, to: 1e-2),
            layers: layers,
            notes: ["Curves: DarkCast v2.1 (Bauer, Foldenauer, Jaeckel, arXiv:1803.05466) and FORESEE (NA64: arXiv:2207.09979)."],
            branchingRatios: BranchingRatioPanel(curves: [
                channel("ee", "e^{+}e^{−}", 1), channel("mumu", "μ^{+}μ^{−}", 2), channel("tautau", "τ^{+}τ^{−}", 3),
                channel("nunu", "νν̄", 4), channel("hadrons", "hadrons", 5),
            ]),
            height: 700)
    }
}
