import ZPrimeCore
import ZPrimeDecays
import ZPrimeModels
import ZPrimePoint

/// The paper a limit comes from, as its manifest entry gives it.
public struct LimitCitation: Sendable, Hashable {
    public var firstAuthor: String?
    public var collaboration: String?
    public var title: String?
    public var journal: String?
    public var volume: String?
    public var pages: String?
    public var year: Int?
    public var arXiv: String?
    public var inspireKey: String?
    public var reportNumber: String?

    /// One line to cite: "H. Merkel et al. (A1), Phys. Rev. Lett. 106 (2011) 251802, arXiv:1101.4091".
    public var text: String {
        var parts: [String] = []
        var who = ""
        if let author = firstAuthor, !author.isEmpty {
            who = author.contains("Collaboration") ? author : author + " et al."
        }
        if let collaboration, !collaboration.isEmpty, !who.contains(collaboration) {
            who += who.isEmpty ? collaboration : " (\(collaboration))"
        }
        if !who.isEmpty { parts.append(who) }
        if let title, !title.isEmpty { parts.append("\"\(title)\"") }
        if let journal, !journal.isEmpty {
            var j = journal
            if let volume, !volume.isEmpty { j += " \(volume)" }
            if let year { j += " (\(year))" }
            if let pages, !pages.isEmpty { j += " \(pages)" }
            parts.append(j)
        } else if let reportNumber, !reportNumber.isEmpty {
            parts.append(reportNumber + (year.map { " (\($0))" } ?? ""))
        }
        if let arXiv, !arXiv.isEmpty { parts.append("arXiv:\(arXiv)") }
        return parts.joined(separator: ", ")
    }
}

/// The model a published curve is given for, and how its width is counted.
public struct PublishedModel: Sendable, Hashable {
    /// ZPrime's built-in model (`dark-photon`, `B-L`, `B`).
    public let model: Model
    /// The light neutrinos of the published model (DarkCast v2.1's B-L boson counts the neutrinos
    /// as pure vectors with colour factor 1, i.e. ZPrime's Dirac neutrinos).
    public let neutrinos: LightNeutrinos
    /// The dark sector of the published model (DarkCast's invisible searches: 99 times the visible width).
    public let darkSector: DarkSector
    /// The states the published model's total width is restricted to, or nil for the full width
    /// (KLOE_Babusci2012cr counts only e+e- and mu+mu-).
    public let totalWidthStates: FinalStates?
    /// What the published coupling means.
    public let couplingMeaning: String
}

/// How the limit's bound is stored.
public enum BoundFormat: Sendable, Hashable {
    /// mass, lower.
    case lower
    /// mass, lower, upper (an island).
    case lowerUpper
    /// mass, coupling, r.
    case rValueGrid
    /// A polygon around the excluded region, with the coupling raised to `power` in the file.
    case polygon(power: Int, edges: PolygonEdges.Kind)
}

/// Whether a limit can be recast.
public enum Applicability: Sendable, Hashable {
    /// Recast to any model by the ratio method.
    case recast
    /// Applies only to the published model itself (with no kinetic mixing and no dark sector); the reason.
    case publishedModelOnly(String)
}

/// One published limit, as described by its manifest entry: what was measured, for which model,
/// how the signal is produced, which decays and lifetimes it sees, and the bound itself.
public struct LimitDefinition: Sendable, Hashable {
    /// The name (DarkCast's for its limits, e.g. `E137_Andreas2012mt`).
    public let name: String
    /// The experiment.
    public let experiment: String
    /// The category as the manifest words it (`electron beam dump, displaced visible`).
    public let categoryText: String
    /// The year of the result.
    public let year: Int
    /// The paper.
    public let citation: LimitCitation
    /// The published model.
    public let published: PublishedModel
    /// The production mechanisms and their fractions.
    public let production: [(mechanism: ProductionMechanism, fraction: ProductionFraction)]
    /// The production-fraction table, when the fractions depend on the mass.
    public let productionTable: ProductionTable?
    /// The neutrino energy and processes of a `nu_scat` limit.
    public let neutrinoScattering: (energy: Double, processes: [NeutrinoScatteringProcess])?
    /// The decay final states.
    public let decay: FinalStates
    /// The lifetime dependence.
    public let efficiency: EfficiencyModel
    /// Whether the limit may be recast to models with vector and with axial couplings.
    public let validForVector: Bool
    /// See ``validForVector``.
    public let validForAxial: Bool
    /// Recast or published model only.
    public let applicability: Applicability
    /// The bound's format.
    public let format: BoundFormat
    /// The data file, relative to its manifest.
    public let file: String
    /// The file's sha256 from the manifest.
    public let sha256: String?
    /// The number of rows the manifest announces.
    public let rowCount: Int?
    /// The manifest's mass range, GeV.
    public let massRange: ClosedRange<Double>
    /// The bound type as worded by the manifest.
    public let boundTypeText: String
    /// The confidence level, when known.
    public let confidenceLevel: Double?
    /// One sentence.
    public let summary: String
    /// Caveats from the manifest.
    public let remarks: [String]

    /// Whether this is the edge of a preferred band (the g-2 band edges of DarkCast), and which.
    public var bandEdge: BandEdge? {
        guard categoryText.contains("preferred") else { return nil }
        return summary.lowercased().contains("lower edge") ? .lower : .upper
    }

    /// The edge of a band.
    public enum BandEdge: Sendable, Hashable { case lower, upper }

    /// ZPrime's category.
    public var category: ConstraintCategory {
        let text = categoryText.lowercased()
        if text.contains("magnetic moment") { return .anomalousMagneticMoment }
        if text.contains("neutrino-electron") || text.contains("neutrino scattering") { return .neutrinoScattering }
        if text.contains("astrophysics") { return .astrophysics }
        if text.contains("rare decays") { return .rareDecays }
        if text.contains("invisible") || text.contains("missing energy") { return .invisible }
        if text.contains("displaced") { return .displaced }
        return .promptVisible
    }

    /// The search channel in words.
    public var channel: String {
        let production = self.production.filter { if case .constant(let f) = $0.fraction { return f > 0 } else { return true } }
            .map(\.mechanism.key).joined(separator: " + ")
        let decay = self.decay.isNone ? "no decay" : "X -> " + self.decay.names.joined(separator: ", ")
        return "\(production.isEmpty ? "none" : production); \(decay)"
    }

    /// The description shared by every constraint.
    public var info: ConstraintInfo {
        ConstraintInfo(name: name, experiment: experiment, year: year, category: category, channel: channel, massRange: massRange,
                       citation: citation.text, arXiv: citation.arXiv, boundType: bandEdge == nil ? .exclusion : .preferredBand,
                       confidenceLevel: confidenceLevel, summary: summary)
    }

    /// The production fraction of mechanism `index` at `mass`.
    public func fraction(_ index: Int, mass: Double) -> Double {
        switch production[index].fraction {
        case .constant(let f): return f
        case .table(let column): return productionTable?.fraction(column: column, mass: mass) ?? 0
        case .step(let threshold, let below): return (mass < threshold) == below ? 1 : 0
        }
    }

    public static func == (a: LimitDefinition, b: LimitDefinition) -> Bool { a.name == b.name && a.file == b.file && a.sha256 == b.sha256 }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
