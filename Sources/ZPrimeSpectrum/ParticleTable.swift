import ZPrimeCore

/// The fermion mass eigenstates of a model, in a fixed order: the index of a particle is its
/// position in every coupling matrix over the table.
///
/// ``standardModel`` holds the twelve SM fermions in the order e, mu, tau, nu_e, nu_mu, nu_tau,
/// u, d, s, c, b, t (indices 0 ... 11). Tables of extended models start with the same twelve and
/// append their own states (sterile neutrinos, heavy leptons, dark fermions), so the Standard Model
/// entries keep their indices in every table.
///
/// ```swift
/// let table = try ParticleTable.standardModel.appending([
///     Particle(name: "chi", kind: .darkFermion, mass: 0.005, electricCharge: 0),
/// ])
/// print(table.index(of: "chi")!)   // 12
/// ```
public struct ParticleTable: Hashable, Sendable, Codable, RandomAccessCollection {
    /// The particles, in table order.
    public let particles: [Particle]

    public var startIndex: Int { particles.startIndex }
    public var endIndex: Int { particles.endIndex }
    public subscript(position: Int) -> Particle { particles[position] }

    /// A table of `particles`.
    ///
    /// - Throws: ``Problem`` for an empty or repeated name, a negative or non-finite mass, a colour
    ///   number other than 1 or 3, or a Majorana state with electric charge.
    public init(_ particles: [Particle]) throws(Problem) {
        var names = Set<String>()
        for particle in particles {
            let field = Parameter.field("particle \(particle.name)")
            guard !particle.name.isEmpty else { throw Problem.invalid(.field("particle name"), text: "", "must not be empty") }
            guard names.insert(particle.name).inserted else {
                throw Problem.invalid(field, text: particle.name, "appears twice in the particle table", kind: .conflict)
            }
            guard particle.mass.isFinite, particle.mass >= 0 else {
                throw Problem.invalid(.field("mass of \(particle.name)"), particle.mass, "must be finite and >= 0")
            }
            guard particle.colours == 1 || particle.colours == 3 else {
                throw Problem.invalid(.field("colours of \(particle.name)"), Double(particle.colours), "must be 1 or 3")
            }
            guard !particle.isMajorana || particle.electricCharge.isZero else {
                throw Problem.invalid(field, text: particle.electricCharge.description, "a Majorana fermion must be electrically neutral", kind: .conflict)
            }
        }
        self.particles = particles
    }

    private init(unchecked particles: [Particle]) { self.particles = particles }

    /// The index of the particle called `name`, or `nil`.
    public func index(of name: String) -> Int? { particles.firstIndex { $0.name == name } }

    /// The same table with `more` appended (their indices follow the existing ones).
    public func appending(_ more: [Particle]) throws(Problem) -> ParticleTable {
        try ParticleTable(particles + more)
    }

    /// The indices of the particles of `kind`.
    public func indices(of kind: Particle.Kind) -> [Int] { particles.indices.filter { particles[$0].kind == kind } }

    /// The twelve Standard Model fermions (PDG 2024 masses from ``PhysicalConstants``): charged
    /// leptons, massless neutrinos in the flavour basis (e, mu, tau), the quarks with the masses the
    /// decay stage uses (light quarks MS-bar at 2 GeV; c, b pole; t direct).
    public static let standardModel = ParticleTable(unchecked: [
        Particle(name: "e", kind: .chargedLepton, mass: PhysicalConstants.electronMass, electricCharge: -1, family: 0),
        Particle(name: "mu", kind: .chargedLepton, mass: PhysicalConstants.muonMass, electricCharge: -1, family: 1),
        Particle(name: "tau", kind: .chargedLepton, mass: PhysicalConstants.tauMass, electricCharge: -1, family: 2),
        Particle(name: "nu_e", kind: .neutrino, mass: 0, electricCharge: 0, family: 0),
        Particle(name: "nu_mu", kind: .neutrino, mass: 0, electricCharge: 0, family: 1),
        Particle(name: "nu_tau", kind: .neutrino, mass: 0, electricCharge: 0, family: 2),
        Particle(name: "u", kind: .upQuark, mass: PhysicalConstants.upMSbarMass, electricCharge: Rational(2, 3), family: 0),
        Particle(name: "d", kind: .downQuark, mass: PhysicalConstants.downMSbarMass, electricCharge: Rational(-1, 3), family: 0),
        Particle(name: "s", kind: .downQuark, mass: PhysicalConstants.strangeMSbarMass, electricCharge: Rational(-1, 3), family: 1),
        Particle(name: "c", kind: .upQuark, mass: PhysicalConstants.charmPoleMass, electricCharge: Rational(2, 3), family: 1),
        Particle(name: "b", kind: .downQuark, mass: PhysicalConstants.bottomPoleMass, electricCharge: Rational(-1, 3), family: 2),
        Particle(name: "t", kind: .upQuark, mass: PhysicalConstants.topMass, electricCharge: Rational(2, 3), family: 2),
    ])

    /// The number of Standard Model fermions at the start of every table built by ZPrime (12).
    public static let standardModelCount = 12
}
