import ZPrimeCore

// Codable forms of the model types, so that a model travels inside a parameter point, a scan
// store or a results file exactly (charges as exact "n/d" strings). The human-edited model files
// use their own documented schema (`ModelFile`), not this encoding.

extension StandardModelSpecies: CodingKeyRepresentable {}

extension GaugeRepresentation: Codable {
    private enum CodingKeys: String, CodingKey { case colour, isospin, hypercharge }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(colour: try container.decode(ColourRepresentation.self, forKey: .colour),
                  isospin: try container.decode(IsospinRepresentation.self, forKey: .isospin),
                  hypercharge: try container.decode(Rational.self, forKey: .hypercharge))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(colour, forKey: .colour)
        try container.encode(isospin, forKey: .isospin)
        try container.encode(hypercharge, forKey: .hypercharge)
    }
}

extension ExtraFermion: Codable {
    private enum CodingKeys: String, CodingKey { case name, gauge, leftCharges, rightCharges }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let left = try container.decodeIfPresent([Rational].self, forKey: .leftCharges)
        let right = try container.decodeIfPresent([Rational].self, forKey: .rightCharges)
        guard left != nil || right != nil else {
            throw DecodingError.dataCorruptedError(forKey: .leftCharges, in: container, debugDescription: "an extra fermion needs a chiral part")
        }
        if let left, let right, left.count != right.count {
            throw DecodingError.dataCorruptedError(forKey: .rightCharges, in: container, debugDescription: "left and right charges differ in number")
        }
        self.init(name: try container.decode(String.self, forKey: .name), gauge: try container.decode(GaugeRepresentation.self, forKey: .gauge),
                  leftCharges: left, rightCharges: right)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(gauge, forKey: .gauge)
        try container.encodeIfPresent(leftCharges, forKey: .leftCharges)
        try container.encodeIfPresent(rightCharges, forKey: .rightCharges)
    }
}

extension Scalar: Codable {
    private enum CodingKeys: String, CodingKey { case name, gauge, charge }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(name: try container.decode(String.self, forKey: .name), gauge: try container.decode(GaugeRepresentation.self, forKey: .gauge),
                  charge: try container.decode(Rational.self, forKey: .charge))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(gauge, forKey: .gauge)
        try container.encode(charge, forKey: .charge)
    }
}

extension Model: Codable {
    private enum CodingKeys: String, CodingKey {
        case name, summary, families, charges, higgsCharge, extraFermions, scalars, kineticMixingRatio, isKineticMixingOnly, references, spectrum
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            summary: try container.decodeIfPresent(String.self, forKey: .summary) ?? "",
            families: try container.decodeIfPresent(Int.self, forKey: .families) ?? 3,
            charges: try container.decode([StandardModelSpecies: [Rational]].self, forKey: .charges),
            higgsCharge: try container.decodeIfPresent(Rational.self, forKey: .higgsCharge) ?? .zero,
            extraFermions: try container.decodeIfPresent([ExtraFermion].self, forKey: .extraFermions) ?? [],
            scalars: try container.decodeIfPresent([Scalar].self, forKey: .scalars) ?? [],
            kineticMixingRatio: try container.decodeIfPresent(Double.self, forKey: .kineticMixingRatio),
            isKineticMixingOnly: try container.decodeIfPresent(Bool.self, forKey: .isKineticMixingOnly) ?? false,
            references: try container.decodeIfPresent([String].self, forKey: .references) ?? [],
            spectrum: try container.decodeIfPresent(FermionSpectrum.self, forKey: .spectrum) ?? .aligned)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(summary, forKey: .summary)
        try container.encode(families, forKey: .families)
        try container.encode(charges, forKey: .charges)
        try container.encode(higgsCharge, forKey: .higgsCharge)
        try container.encode(extraFermions, forKey: .extraFermions)
        try container.encode(scalars, forKey: .scalars)
        try container.encodeIfPresent(kineticMixingRatio, forKey: .kineticMixingRatio)
        try container.encode(isKineticMixingOnly, forKey: .isKineticMixingOnly)
        try container.encode(references, forKey: .references)
        if spectrum != .aligned { try container.encode(spectrum, forKey: .spectrum) }
    }
}
