import ZPrimeCore

/// A fixed-target material: the nucleus (Z, A), the density and the radiation length.
///
/// Data: atomic numbers, standard atomic weights, densities and radiation lengths from the PDG
/// "Atomic and nuclear properties of materials" tables (PDG 2024, Navas et al., Phys. Rev. D 110
/// (2024) 030001).
///
/// ```swift
/// let lead = BeamTarget.lead
/// print(lead.nucleiPerCubicCentimetre)   // 3.30e22
/// ```
public struct BeamTarget: Sendable, Hashable, Codable {
    /// The short name used on the command line (`Pb`, `W`, `Fe`, `Cu`, `Al`).
    public let name: String
    /// The atomic number Z.
    public let atomicNumber: Int
    /// The standard atomic weight A in g/mol (also used as the mass number of the form factors).
    public let atomicWeight: Double
    /// The density in g/cm^3.
    public let densityGramsPerCubicCentimetre: Double
    /// The radiation length X_0 in cm.
    public let radiationLengthCentimetres: Double

    /// Creates a material.
    public init(name: String, atomicNumber: Int, atomicWeight: Double, densityGramsPerCubicCentimetre: Double, radiationLengthCentimetres: Double) {
        self.name = name
        self.atomicNumber = atomicNumber
        self.atomicWeight = atomicWeight
        self.densityGramsPerCubicCentimetre = densityGramsPerCubicCentimetre
        self.radiationLengthCentimetres = radiationLengthCentimetres
    }

    /// Lead: Z = 82, A = 207.2, 11.35 g/cm^3, X_0 = 0.5612 cm (PDG 2024).
    public static let lead = BeamTarget(name: "Pb", atomicNumber: 82, atomicWeight: 207.2, densityGramsPerCubicCentimetre: 11.35, radiationLengthCentimetres: 0.5612)
    /// Tungsten: Z = 74, A = 183.84, 19.30 g/cm^3, X_0 = 0.3504 cm (PDG 2024).
    public static let tungsten = BeamTarget(name: "W", atomicNumber: 74, atomicWeight: 183.84, densityGramsPerCubicCentimetre: 19.30, radiationLengthCentimetres: 0.3504)
    /// Iron: Z = 26, A = 55.845, 7.874 g/cm^3, X_0 = 1.757 cm (PDG 2024); the CCFR target.
    public static let iron = BeamTarget(name: "Fe", atomicNumber: 26, atomicWeight: 55.845, densityGramsPerCubicCentimetre: 7.874, radiationLengthCentimetres: 1.757)
    /// Copper: Z = 29, A = 63.546, 8.960 g/cm^3, X_0 = 1.436 cm (PDG 2024).
    public static let copper = BeamTarget(name: "Cu", atomicNumber: 29, atomicWeight: 63.546, densityGramsPerCubicCentimetre: 8.960, radiationLengthCentimetres: 1.436)
    /// Aluminium: Z = 13, A = 26.9815, 2.699 g/cm^3, X_0 = 8.897 cm (PDG 2024).
    public static let aluminium = BeamTarget(name: "Al", atomicNumber: 13, atomicWeight: 26.9815385, densityGramsPerCubicCentimetre: 2.699, radiationLengthCentimetres: 8.897)

    /// Every built-in material.
    public static let all: [BeamTarget] = [.lead, .tungsten, .iron, .copper, .aluminium]

    /// The material called `name` (case-insensitive).
    ///
    /// - Throws: ``Problem`` of kind ``Problem/Kind/unknownName`` naming the target and the known ones.
    public static func named(_ name: String) throws(Problem) -> BeamTarget {
        if let found = all.first(where: { $0.name.lowercased() == name.lowercased() }) { return found }
        throw Problem.invalid(.field("target"), text: name, "unknown target (known: \(all.map(\.name).joined(separator: ", ")))", kind: .unknownName)
    }

    /// Nuclei per cm^3, rho N_A/A.
    public var nucleiPerCubicCentimetre: Double { densityGramsPerCubicCentimetre * PhysicalConstants.avogadro / atomicWeight }
}
