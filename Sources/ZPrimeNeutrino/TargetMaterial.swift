import ZPrimeCore
import ZPrimeObservables

/// A detector material: its nuclei (isotopes with their number per formula unit), its electrons
/// and, for electron recoils in atoms, its shells.
///
/// Natural xenon has nine isotopes (IUPAC composition); CsI has one 133Cs and one 127I per formula
/// unit; argon is atmospheric argon (99.6 % 40Ar).
///
/// ```swift
/// let xenon = try TargetMaterial.named("Xe")
/// print(xenon.nucleiPerKilogram)          // 4.59e24 atoms per kg
/// print(xenon.activeElectronFraction(recoilEnergy: 10e-6))   // 52/54: the K shell needs 34.6 keV
/// ```
public struct TargetMaterial: Sendable, Hashable {
    /// One kind of nucleus and how many of it a formula unit holds.
    public struct Component: Sendable, Hashable {
        /// The nucleus.
        public var nucleus: CoherentNeutrinoNucleusScattering.Nucleus
        /// Nuclei per formula unit (the isotopic abundance for an element, 1 for each ion of CsI).
        public var multiplicity: Double
    }

    /// One atomic shell: binding energy (GeV) and electrons.
    public struct Shell: Sendable, Hashable {
        public var label: String
        public var bindingEnergy: Double
        public var electrons: Int
    }

    /// The name (`Xe`, `Ar`, `CsI`).
    public let name: String
    /// A description.
    public let description: String
    /// The nuclei.
    public let components: [Component]
    /// Electrons per formula unit.
    public let electronsPerFormulaUnit: Int
    /// The shells of one atom (empty when no binding treatment is available).
    public let shells: [Shell]
    /// What to cite.
    public let citation: String
    /// The shells' citation.
    public let shellCitation: String?

    /// The material called `name` in the bundled data.
    ///
    /// - Throws: ``Problem`` (`target`, unknown name) for an unknown material.
    public static func named(_ name: String, data: NeutrinoData? = nil) throws(Problem) -> TargetMaterial {
        let source: NeutrinoData
        if let data { source = data } else { source = try NeutrinoData.bundled() }
        let record = try source.target(named: name)
        return try TargetMaterial(record)
    }

    /// A material from its data record; isotope masses are atomic masses (electron masses subtracted
    /// for the nuclear mass).
    public init(_ record: NeutrinoData.TargetRecord) throws(Problem) {
        guard !record.isotopes.isEmpty else {
            throw Problem.invalid(.field("target"), text: record.name, "has no isotopes", kind: .dataFile)
        }
        var components: [Component] = []
        for isotope in record.isotopes {
            guard isotope.abundance > 0, isotope.abundance <= 1, isotope.atomicMassU > 0, isotope.protons > 0, isotope.neutrons >= 0 else {
                throw Problem.invalid(.field("target"), text: isotope.name, "has an invalid abundance, mass or nucleon number", kind: .dataFile)
            }
            let nucleus = CoherentNeutrinoNucleusScattering.Nucleus.fromAtomicMass(isotope.name, protons: isotope.protons,
                                                                                   neutrons: isotope.neutrons, atomicMassU: isotope.atomicMassU)
            components.append(Component(nucleus: nucleus, multiplicity: isotope.abundance))
        }
        name = record.name
        description = record.description
        self.components = components
        electronsPerFormulaUnit = record.electronsPerAtom
        citation = record.citation
        if let shells = record.shells {
            guard shells.bindingEV.count == shells.electrons.count, shells.labels.count == shells.electrons.count,
                  shells.electrons.reduce(0, +) == record.electronsPerAtom else {
                throw Problem.invalid(.field("target"), text: record.name, "shell table inconsistent with the electron count", kind: .dataFile)
            }
            self.shells = (0..<shells.electrons.count).map {
                Shell(label: shells.labels[$0], bindingEnergy: shells.bindingEV[$0] * 1e-9, electrons: shells.electrons[$0])
            }
            shellCitation = shells.citation
        } else {
            shells = []
            shellCitation = nil
        }
    }

    /// The mass of one formula unit in GeV (atomic masses: nuclei plus electrons).
    public var formulaUnitMass: Double {
        components.reduce(0) { $0 + $1.multiplicity * ($1.nucleus.mass + Double($1.nucleus.protons) * PhysicalConstants.electronMass) }
    }

    /// Formula units per kilogram (1 kg = 5.60958860e26 GeV, CODATA 2022).
    public var formulaUnitsPerKilogram: Double { PhysicalConstants.gevPerKilogram / formulaUnitMass }

    /// Nuclei of all kinds per kilogram (for CsI: Cs plus I).
    public var nucleiPerKilogram: Double { formulaUnitsPerKilogram * components.reduce(0) { $0 + $1.multiplicity } }

    /// Electrons per kilogram.
    public var electronsPerKilogram: Double { formulaUnitsPerKilogram * Double(electronsPerFormulaUnit) }

    /// The fraction of electrons an energy deposit T (GeV) can ionise in the stepping approximation:
    /// sum over shells with binding energy below T of their electrons, over all electrons (Kopp,
    /// Schwetz, Zupan, JCAP 02 (2010) 014; Chen et al., Phys. Lett. B 774 (2017) 656). 1 without
    /// shells.
    public func activeElectronFraction(recoilEnergy t: Double) -> Double {
        guard !shells.isEmpty else { return 1 }
        var active = 0
        var total = 0
        for shell in shells {
            total += shell.electrons
            if t > shell.bindingEnergy { active += shell.electrons }
        }
        return Double(active) / Double(total)
    }
}

extension PhysicalConstants {
    /// 1 kg in GeV: c^2/(e 1e9) = 5.609588603e26 GeV (exact SI constants, CODATA 2022).
    public static var gevPerKilogram: Double { 5.609588603e26 }
    /// Seconds per Julian year, 365.25 x 86400 (the IAU year).
    public static var secondsPerYear: Double { 365.25 * 86_400 }
}
