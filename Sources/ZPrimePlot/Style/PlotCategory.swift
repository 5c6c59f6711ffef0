/// What kind of bound or region a layer shows; each category has its own colour family, so a reader
/// tells direct searches, beam dumps, scattering, astrophysics and computed constraints apart at a
/// glance.
public enum PlotCategory: String, Sendable, Hashable, Codable, CaseIterable {
    /// Prompt resonance and missing-energy searches at colliders and fixed targets (blues and teals).
    case directSearch
    /// Beam dumps and other displaced-vertex searches: islands (oranges and browns).
    case beamDump
    /// Neutrino-electron and neutrino-nucleus scattering (purples).
    case scattering
    /// Indirect bounds from astrophysics and cosmology: supernova cooling, stars, BBN and N_eff (greys).
    case astrophysics
    /// Bounds computed from precision observables: lepton g-2, parity violation, Moller scattering
    /// (olives and khakis).
    case computed
    /// Preferred regions: the (g-2) bands, the ATOMKI X17 region (translucent, vivid).
    case preferred
    /// Projected sensitivities of future experiments (dashed lines).
    case projection
}

/// The fixed colour table: one colour per experiment, stable across figures, chosen within the
/// family of the experiment's usual category; unknown names get a deterministic colour of their
/// category's family (an FNV-1a hash of the normalised name picks it, the same on every machine and
/// run, unlike Swift's seeded `Hasher`).
///
/// Names are normalised before the look-up: lower case, Greek letters spelled out (μ -> mu), anything
/// but letters and digits dropped, and a few aliases merged ("NA48/2" -> na48, "Belle 2" -> belleii,
/// "X17" -> atomki), so "(g−2)_μ", "(g-2)_mu" and "g-2 mu" are the same key.
///
/// ```swift
/// print(ExperimentColors.color(for: "BaBar", category: .directSearch).hex)      // #4f7fc4
/// print(ExperimentColors.normalisedName("(g−2)_μ"))                             // g2mu
/// let unknown = ExperimentColors.color(for: "NewExperiment", category: .beamDump)
/// print(ExperimentColors.palette(for: .beamDump).contains(unknown))            // true
/// ```
public enum ExperimentColors {
    /// The colour of an experiment's layer of the given category. Preferred bands have their own
    /// table (the (g-2)_mu band is green whatever the colour of a (g-2)_mu exclusion).
    public static func color(for experiment: String, category: PlotCategory) -> PlotColor {
        let key = normalisedName(experiment)
        if category == .preferred {
            if let hex = preferredTable[key] { return PlotColor(hex: hex)! }
        } else if let hex = table[key] {
            return PlotColor(hex: hex)!
        }
        let palette = palette(for: category)
        return palette[Int(fnv1a(key) % UInt64(palette.count))]
    }

    /// The fallback palette of a category.
    public static func palette(for category: PlotCategory) -> [PlotColor] {
        let hexes: [String]
        switch category {
        case .directSearch: hexes = ["#4f81bd", "#3c9fb4", "#6d8fc7", "#2f6f9f", "#5fb0c4", "#4769a8"]
        case .beamDump: hexes = ["#e39a5a", "#c8703f", "#d9b06a", "#b5653d", "#eab088", "#cf8a4e"]
        case .scattering: hexes = ["#9a7cc4", "#7b5aa8", "#b79ad9", "#8c6bb1"]
        case .astrophysics: hexes = ["#a9a0b8", "#8f8a99", "#b7b2c0", "#9c94a8"]
        case .computed: hexes = ["#b3ad62", "#a3a84f", "#c9b27a", "#9d9a5c"]
        case .preferred: hexes = ["#2ca02c", "#d62770", "#17a2b8", "#e377c2"]
        case .projection: hexes = ["#c03d3e", "#3b7d23", "#7d3c98", "#1b6fa8", "#b8860b", "#d35400"]
        }
        return hexes.map { PlotColor(hex: $0)! }
    }

    /// Experiments with a fixed colour (keys are normalised names).
    static let table: [String: String] = [
        // Direct searches: blues and teals.
        "babar": "#4f7fc4", "lhcb": "#1f4e8c", "cms": "#8fb3e0", "atlas": "#5873a8", "belleii": "#2b3f7a",
        "belle": "#3a5f96", "kloe": "#4fb0c0", "a1": "#9fd3d8", "apex": "#5fb98a", "hps": "#a3d9b5",
        "na48": "#2f8a84", "besiii": "#7a8fd0", "lep": "#9db6d6", "na64": "#3a6f9a", "na62": "#6a86c0",
        "megii": "#5f9fc6", "padme": "#4fb8d6", "cleo": "#6f9fbf",
        // Beam dumps: oranges, browns, a red.
        "e137": "#e9a45f", "kek": "#dd9466", "e141": "#d4793f", "e774": "#c2603a", "orsay": "#f2c283", "charm": "#b8733f",
        "nucal": "#d9a548", "nomad": "#a8623a", "ps191": "#e7b37e", "faser": "#cf4f3c", "lsnd": "#c98b5b",
        "microboone": "#b0804f", "nutev": "#c7955e",
        // Neutrino scattering: purples.
        "texono": "#9a7cc4", "charmii": "#7b5aa8", "borexino": "#b79ad9", "coherent": "#8c6bb1",
        "ccfr": "#6a4a91", "xenon": "#a58bd0", "gemma": "#9475bd", "dresden": "#a07fc8",
        // Astrophysics and cosmology: greys.
        "sn1987a": "#a99fb8", "bbn": "#bcb5c6", "neff": "#b0a9bc", "stars": "#8f8a99", "whitedwarfs": "#9d98a6",
        "redgiants": "#948fa0",
        // Computed constraints: olives and khakis.
        "g2e": "#b9b36a", "g2mu": "#a3a84f", "apv": "#c9b27a", "e158": "#b09a5e", "trident": "#9c9a4e",
    ]

    /// Preferred bands.
    static let preferredTable: [String: String] = [
        "g2mu": "#2ca02c", "g2e": "#17a2b8", "atomki": "#d62770",
    ]

    /// Aliases merged before the look-up.
    static let aliases: [String: String] = [
        "na482": "na48", "belle2": "belleii", "x17": "atomki", "8be": "atomki", "atomkix17": "atomki",
        "sn": "sn1987a", "supernova": "sn1987a", "charm2": "charmii", "g2muon": "g2mu", "g2electron": "g2e",
        "amu": "g2mu", "ae": "g2e", "csapv": "apv", "meg2": "megii", "bbnneff": "bbn",
    ]

    /// The key of a name: lower case, Greek letters spelled out, only letters and digits, aliases merged.
    public static func normalisedName(_ name: String) -> String {
        var key = ""
        for scalar in name.lowercased().unicodeScalars {
            switch scalar {
            case "μ", "µ": key += "mu"
            case "τ": key += "tau"
            case "ε": key += "epsilon"
            case "ν": key += "nu"
            case "γ": key += "gamma"
            default:
                if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) { key.unicodeScalars.append(scalar) }
            }
        }
        return aliases[key] ?? key
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes (offset basis 14695981039346656037, prime
    /// 1099511628211; Fowler, Noll, Vo).
    public static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 14_695_981_039_346_656_037
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 1_099_511_628_211
        }
        return hash
    }
}
