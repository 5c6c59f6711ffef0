import Numerics
import ZPrimeCore
import ZPrimeModels

/// The couplings stage of the seed model, U(1)_{B-L} with vector-like leptons (Hati, Kriewald,
/// Orloff, Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028): the spectrum provider that
/// ``CouplingCalculator`` uses for a model with ``FermionSpectrum/vectorLikeLeptons`` when the point
/// carries the model's parameters (``VectorLikeLeptonParameters``).
///
/// **Gauge inputs, tied.** The point's g_X, eps and m_Z' fix v_X: the Z' mass comes from h_X
/// (X = 2, <h_X> = v_X/sqrt2), m_B' = 2 g_X v_X, and the exact photon-Z-Z' mixing turns m_B' into the
/// physical m_Z' (``GaugeBosonMixing/bareBosonMass``); at leading order m_Z' = 2 e eps_{B-L} v_X with
/// eps_{B-L} = g_X/(e sqrt(1 - eps_k^2)). Keeping them tied is what makes the Z' couplings of the
/// mixed leptons gauge consistent (the longitudinal Z' equals the Goldstone boson of h_X). A v_X
/// given with the parameters must agree (relative 1e-9) or the point is refused.
///
/// **Couplings.** Each interaction field f couples to the Z' with g_f from the exact mixing
/// (``GaugeBosonMixing/coupling(isospin:hypercharge:charge:)``); in the mass basis G_L = U_L^dagger
/// diag(g_L) U_L, G_R = U_R^dagger diag(g_R) U_R for the charged states and G_nu = U_nu^dagger diag(g)
/// U_nu for the neutral Weyl states (stored as left-handed couplings of Majorana states, see
/// ``ChiralCouplingMatrix``), all in units of e, with every off-diagonal entry. The quarks keep the
/// aligned couplings. The h_X couplings travel with the table (``CouplingTable/otherBosons``); the
/// Z, W and h_SM couplings of the mixed states are available here for the shifts of their loops.
///
/// **Particle table.** The twelve SM fermions (e, mu, tau and nu_e, nu_mu, nu_tau are the light
/// mass eigenstates, with their computed masses; the neutrinos are Majorana), then the heavy charged
/// states `l4` ... (ascending mass) and the other neutral states `n4` ... (mostly N_R and L^0,
/// ascending; a massless N_R is a ``Particle/Kind/sterileNeutrino``, a massive one a
/// ``Particle/Kind/heavyNeutralLepton``).
///
/// ```swift
/// let p = VectorLikeLeptonParameters.benchmark(.cancellation, generations: [.electron, .muon])
/// let point = try VectorLikeLeptonCouplings.point(parameters: p, epsilonBL: 2e-3, kineticMixing: -8e-4, scalarVEV: 14)
/// let calculator = try CouplingCalculator(point: point)
/// print(calculator.vectorLikeLeptons!.scalarVEV)                 // 14 (tied to m_Z' and g_X)
/// print(try calculator.table(squaredMomentum: 0)[.electron].axial)   // 0: lambda_L = lambda_E, M_L = M_E
/// ```
public struct VectorLikeLeptonCouplings: Sendable {
    /// The model parameters.
    public let parameters: VectorLikeLeptonParameters
    /// The diagonalised spectrum at the point's v_X.
    public let spectrum: VectorLikeLeptonSpectrum
    /// v_X (GeV), derived from m_Z', g_X and eps.
    public let scalarVEV: Double
    /// The electroweak scheme.
    public let scheme: ElectroweakScheme
    /// The mass-basis particle table.
    public let particles: ParticleTable
    /// The table index of each charged state of the spectrum.
    public let chargedIndices: [Int]
    /// The table index of each neutral state of the spectrum.
    public let neutralIndices: [Int]
    /// The h_X couplings over the charged states.
    public let breakingScalar: NeutralBoson
    /// The SM Higgs couplings over the charged states.
    public let higgs: NeutralBoson
    /// The Z couplings over the charged states (g_Z (T3 - Q sin^2 theta_W) per field, rotated; the
    /// Z's tiny admixture of the B-L boson is neglected).
    public let zBoson: NeutralBoson
    /// The problems of the spectrum (non-perturbative couplings, collider bounds, defaults).
    public let problems: [Problem]

    /// The relative tolerance of a v_X given with the parameters against the one the point implies.
    public static let scalarVEVTolerance = 1e-9

    /// Prepares the couplings of `point` (model with ``FermionSpectrum/vectorLikeLeptons``, its
    /// parameters in `point.modelParameters`).
    ///
    /// - Throws: ``Problem`` for a model whose charges are not the seed model's, neutrinos other than
    ///   the default (the N_R are part of the spectrum), a massless Z' (v_X would vanish), a v_X
    ///   inconsistent with m_Z' and g_X, bad parameters, or a spectrum that cannot be computed.
    public init(point: ParameterPoint, mixing: GaugeBosonMixing, scheme: ElectroweakScheme) throws(Problem) {
        try Self.checkModel(point.model)
        guard point.neutrinos == .leftHandedMajorana else {
            throw Problem.invalid(.neutrinos, text: point.neutrinos.rawValue,
                                  "model \(point.model.name) with vector-like-lepton parameters has its own neutral spectrum (Majorana nu and N_R): keep the default neutrinos",
                                  kind: .conflict)
        }
        guard point.mass > 0 else {
            throw Problem.invalid(.mass, point.mass, "must be > 0 for the vector-like-lepton spectrum: m_Z' = 2 e eps_{B-L} v_X fixes v_X")
        }
        let parameters = try VectorLikeLeptonParameters(modelParameters: point.modelParameters)
        let vX = mixing.bareBosonMass / (2 * point.coupling)
        try Validate.result(vX, .field("v_X"), "v_X")
        if let given = parameters.scalarVEV, abs(given / vX - 1) > Self.scalarVEVTolerance {
            throw Problem.invalid(.field("v_X"), given,
                                  "is inconsistent with m_Z' = \(point.mass) GeV and g_X = \(point.coupling): gauge consistency ties m_Z' = 2 e eps_{B-L} v_X, which needs v_X = \(vX) GeV (give only one of m_Z' and v_X)",
                                  kind: .conflict)
        }
        let spectrum = try VectorLikeLeptonSpectrum(parameters: parameters, higgsVEV: scheme.vacuumExpectationValue, scalarVEV: vX)
        self.parameters = parameters
        self.spectrum = spectrum
        self.scalarVEV = vX
        self.scheme = scheme
        // Table order: SM twelve, heavy charged, heavy neutral.
        let nc = spectrum.chargedCount, nn = spectrum.neutralCount
        chargedIndices = (0..<nc).map { $0 < 3 ? $0 : ParticleTable.standardModelCount + $0 - 3 }
        neutralIndices = (0..<nn).map { $0 < 3 ? 3 + $0 : ParticleTable.standardModelCount + nc - 3 + $0 - 3 }
        var list = Array(ParticleTable.standardModel)
        for g in 0..<3 {
            list[g].mass = spectrum.chargedMasses[g]
            list[3 + g].mass = spectrum.neutralMasses[g]
            list[3 + g].isMajorana = true
        }
        for s in 3..<nc {
            list.append(Particle(name: "l\(s + 1)", kind: .heavyChargedLepton, mass: spectrum.chargedMasses[s], electricCharge: -1,
                                 family: spectrum.chargedGenerations[s].rawValue))
        }
        for s in 3..<nn {
            let mass = spectrum.neutralMasses[s]
            list.append(Particle(name: "n\(s + 1)", kind: mass == 0 ? .sterileNeutrino : .heavyNeutralLepton, mass: mass, electricCharge: 0,
                                 family: spectrum.neutralGenerations[s].rawValue, isMajorana: true))
        }
        particles = try ParticleTable(list)
        breakingScalar = .scalar(name: "h_X", mass: parameters.scalarMass, states: chargedIndices, yukawa: spectrum.scalarYukawa(.breakingScalar))
        higgs = .scalar(name: "h", mass: PhysicalConstants.higgsMass, states: chargedIndices, yukawa: spectrum.scalarYukawa(.higgs))
        let gz = scheme.zCoupling, sw2 = scheme.sin2ThetaW
        let z = spectrum.vectorCouplings { f in gz * (f.isospin - (f.isospin + f.hypercharge) * sw2) }
        zBoson = NeutralBoson(name: "Z", kind: .vector, mass: scheme.zMass, states: chargedIndices, left: z.left, right: z.right)
        problems = spectrum.problems
    }

    /// The coupling table for a Z' with gauge mixing `mixing`: the mixed leptons from the spectrum,
    /// the quarks from `quark(isospin, hypercharge, charge)` per chiral part (aligned).
    func table(mixing: GaugeBosonMixing, squaredMomentum q2: Double, gaugeCoupling: Double, kineticMixing: Double) -> CouplingTable {
        let e = scheme.elementaryCharge
        let g = spectrum.vectorCouplings { f in mixing.coupling(isospin: f.isospin, hypercharge: f.hypercharge, charge: f.charge) }
        var diagonal = [ComplexChiralCoupling](repeating: .zero, count: particles.count)
        var entries: [(row: Int, column: Int, coupling: ComplexChiralCoupling)] = []
        let inverseE = Complex<Double>(1 / e, 0)
        let nc = spectrum.chargedCount, nn = spectrum.neutralCount
        for a in 0..<nc {
            for b in a..<nc {
                let coupling = ComplexChiralCoupling(left: g.left[a, b] * inverseE, right: g.right[a, b] * inverseE)
                let (i, j) = (chargedIndices[a], chargedIndices[b])
                if a == b { diagonal[i] = coupling } else if i < j { entries.append((i, j, coupling)) } else {
                    entries.append((j, i, ComplexChiralCoupling(vector: coupling.vector.conjugate, axial: coupling.axial.conjugate)))
                }
            }
        }
        for a in 0..<nn {
            for b in a..<nn {
                let coupling = ComplexChiralCoupling(left: g.neutral[a, b] * inverseE, right: .zero)
                let (i, j) = (neutralIndices[a], neutralIndices[b])
                if a == b { diagonal[i] = coupling } else if i < j { entries.append((i, j, coupling)) } else {
                    entries.append((j, i, ComplexChiralCoupling(vector: coupling.vector.conjugate, axial: coupling.axial.conjugate)))
                }
            }
        }
        // Quarks: B-L charge 1/3 on every chiral part.
        let quarks: [(CouplingTarget, Double, Double, Double)] = [
            (.up, 0.5, 1.0 / 6.0, 2.0 / 3.0), (.charm, 0.5, 1.0 / 6.0, 2.0 / 3.0), (.top, 0.5, 1.0 / 6.0, 2.0 / 3.0),
            (.down, -0.5, 1.0 / 6.0, -1.0 / 3.0), (.strange, -0.5, 1.0 / 6.0, -1.0 / 3.0), (.bottom, -0.5, 1.0 / 6.0, -1.0 / 3.0),
        ]
        for (target, t3, yLeft, yRight) in quarks {
            let gL = mixing.coupling(isospin: t3, hypercharge: yLeft, charge: 1.0 / 3.0)
            let gR = mixing.coupling(isospin: 0, hypercharge: yRight, charge: 1.0 / 3.0)
            diagonal[target.ordinal] = ComplexChiralCoupling(vector: Complex((gL + gR) / (2 * e), 0), axial: Complex((gR - gL) / (2 * e), 0))
        }
        // The entries connect equal charges by construction; the check cannot fail.
        let matrix = try! ChiralCouplingMatrix(particles: particles, diagonal: diagonal, offDiagonal: entries)
        return CouplingTable(mass: mixing.bosonMass, squaredMomentum: q2, matrix: matrix, gaugeCoupling: gaugeCoupling,
                             kineticMixing: kineticMixing, loopMixing: nil, otherBosons: [breakingScalar])
    }

    // MARK: The model and the gauge inputs

    /// Throws unless `model` has the seed model's charges: B-L on the SM fields (quarks 1/3,
    /// leptons and three N_R -1, Higgs 0), three vector-like doublets L(1,2,-1/2) and singlets
    /// E(1,1,-1) of charge +1, and a singlet scalar of charge 2.
    public static func checkModel(_ model: Model) throws(Problem) {
        let third = Rational(1, 3), minusOne = Rational(-1)
        var ok = model.families == 3 && model.higgsCharge == .zero
        for species in [StandardModelSpecies.Q, .U, .D] { ok = ok && model.charges(of: species) == [third, third, third] }
        for species in [StandardModelSpecies.L, .E, .N] { ok = ok && model.charges(of: species) == [minusOne, minusOne, minusOne] }
        let doublets = model.extraFermions.filter { $0.gauge.isospin == .doublet && $0.gauge.hypercharge == Rational(-1, 2) && $0.gauge.colour == .singlet }
        let singlets = model.extraFermions.filter { $0.gauge.isospin == .singlet && $0.gauge.hypercharge == minusOne && $0.gauge.colour == .singlet }
        func vectorLikeOne(_ f: ExtraFermion) -> Bool { f.leftCharges == f.rightCharges && (f.leftCharges ?? []).allSatisfy { $0 == .one } }
        ok = ok && model.extraFermions.count == 2 && doublets.count == 1 && singlets.count == 1
            && doublets.allSatisfy { vectorLikeOne($0) && $0.copies == 3 } && singlets.allSatisfy { vectorLikeOne($0) && $0.copies == 3 }
            && model.scalars.contains { $0.charge == Rational(2) && $0.gauge.isospin == .singlet && $0.gauge.hypercharge == .zero }
        guard ok else {
            throw Problem.invalid(.model, text: model.name,
                                  "declares the vector-like-lepton spectrum, but its field content and charges are not those of the seed model (B-L, three N_R, three L(1,2,-1/2) and E(1,1,-1) of charge +1, h_X of charge 2)",
                                  kind: .unsupportedModel)
        }
    }

    /// g_X from eps_{B-L} and the physical eps: g_X = e eps_{B-L} sqrt(1 - eps_k^2) with
    /// eps_k = eps/sqrt(cos^2 theta_W + eps^2) (the relations of Hati et al.'s "Gauge boson mixing").
    public static func gaugeCoupling(epsilonBL: Double, kineticMixing eps: Double, scheme: ElectroweakScheme = .standard) -> Double {
        let cw = scheme.cosThetaW
        let epsK = eps / (cw * cw + eps * eps).squareRoot()
        return scheme.elementaryCharge * epsilonBL * ((1 - epsK) * (1 + epsK)).squareRoot()
    }

    /// eps_{B-L} = g_X/(e sqrt(1 - eps_k^2)).
    public static func epsilonBL(gaugeCoupling g: Double, kineticMixing eps: Double, scheme: ElectroweakScheme = .standard) -> Double {
        let cw = scheme.cosThetaW
        let epsK = eps / (cw * cw + eps * eps).squareRoot()
        return g / (scheme.elementaryCharge * ((1 - epsK) * (1 + epsK)).squareRoot())
    }

    /// The physical eps of a Lagrangian eps_k: eps = eps_k cos(theta_W)/sqrt(1 - eps_k^2).
    public static func kineticMixing(lagrangianParameter epsK: Double, scheme: ElectroweakScheme = .standard) -> Double {
        epsK * scheme.cosThetaW / ((1 - epsK) * (1 + epsK)).squareRoot()
    }

    /// The physical Z' mass for v_X (GeV), g_X and eps: the lighter eigenvalue of the (Z0, X~) mass
    /// matrix [[m_Z^2, -g_Z eta v^2/4], [-g_Z eta v^2/4, eta^2 v^2/4 + c^2 m_B'^2]] with
    /// m_B' = 2 g_X v_X, eta = g' eps_k c, c = 1/sqrt(1 - eps_k^2) (``GaugeBosonMixing`` inverted),
    /// computed as det/lambda_heavy = m_Z^2 c^2 m_B'^2/lambda_heavy so that nothing cancels.
    public static func zPrimeMass(scalarVEV vX: Double, gaugeCoupling g: Double, kineticMixing eps: Double,
                                  scheme: ElectroweakScheme = .standard) -> Double {
        let cw = scheme.cosThetaW
        let epsK = eps / (cw * cw + eps * eps).squareRoot()
        let c = 1 / ((1 - epsK) * (1 + epsK)).squareRoot()
        let eta = scheme.hyperchargeCoupling * epsK * c
        let v = scheme.vacuumExpectationValue
        let a = scheme.zMass * scheme.zMass
        let bare = 2 * g * vX
        let d = 0.25 * v * v * eta * eta + c * c * bare * bare
        let b = -0.25 * v * v * scheme.zCoupling * eta
        let heavy = 0.5 * (a + d) + (0.25 * (a - d) * (a - d) + b * b).squareRoot()
        return (a * c * c * bare * bare / heavy).squareRoot()
    }

    /// A point of the seed model from its parameters and gauge inputs: eps_{B-L} (the point's g_X is
    /// e eps_{B-L} sqrt(1 - eps_k^2)), a fixed eps, and either v_X (argument or parameters) or m_Z'
    /// (`mass`, GeV); both may be given only if they agree to ``scalarVEVTolerance``.
    ///
    /// - Throws: ``Problem`` for a missing or inconsistent v_X / m_Z', bad gauge inputs, or bad parameters.
    public static func point(parameters: VectorLikeLeptonParameters, epsilonBL: Double, kineticMixing eps: Double,
                             scalarVEV: Double? = nil, mass: Double? = nil, model: Model = BuiltinModels.bMinusLVectorLikeLeptons,
                             datasets: DatasetSelection = .newest, scheme: ElectroweakScheme = .standard) throws(Problem) -> ParameterPoint {
        guard epsilonBL.isFinite, epsilonBL > 0, epsilonBL < 1 else {
            throw Problem.invalid(.coupling, epsilonBL, "eps_{B-L} must be finite, > 0 and < 1")
        }
        guard eps.isFinite, abs(eps) < 1 else { throw Problem.invalid(.kineticMixing, eps, "must be finite with |eps| < 1") }
        let g = gaugeCoupling(epsilonBL: epsilonBL, kineticMixing: eps, scheme: scheme)
        let vX = scalarVEV ?? parameters.scalarVEV
        let m: Double
        switch (vX, mass) {
        case (nil, nil):
            throw Problem.invalid(.field("v_X"), text: nil, "give v_X or the Z' mass (they are tied by m_Z' = 2 e eps_{B-L} v_X)", kind: .missing)
        case (let v?, nil):
            guard v.isFinite, v > 0, v <= ParameterPoint.maximumMass else {
                throw Problem.invalid(.field("v_X"), v, "must be finite, > 0 and <= \(ParameterPoint.maximumMass) GeV")
            }
            m = zPrimeMass(scalarVEV: v, gaugeCoupling: g, kineticMixing: eps, scheme: scheme)
        case (let v, let given?):
            guard given.isFinite, given > 0 else { throw Problem.invalid(.mass, given, "must be finite and > 0") }
            if let v {
                let implied = zPrimeMass(scalarVEV: v, gaugeCoupling: g, kineticMixing: eps, scheme: scheme)
                guard abs(implied / given - 1) <= scalarVEVTolerance else {
                    let needed = try GaugeBosonMixing(kineticMixing: eps, gaugeCoupling: g, higgsCharge: 0, bosonMass: given, electroweak: scheme).bareBosonMass / (2 * g)
                    throw Problem.invalid(.field("v_X"), v,
                                          "is inconsistent with m_Z' = \(given) GeV: gauge consistency ties m_Z' = 2 e eps_{B-L} v_X (here m_Z' = \(implied) GeV; m_Z' = \(given) GeV needs v_X = \(needed) GeV): give only one of them",
                                          kind: .conflict)
                }
            }
            m = given
        }
        var named = parameters.modelParameters
        named.removeValue(forKey: "v_X")
        return try ParameterPoint(model: model, mass: m, coupling: g, kineticMixing: .fixed(eps), datasets: datasets, modelParameters: named)
    }
}

extension VectorLikeLeptonCouplings {
    /// The names of the gauge inputs a parameter file may carry next to the model parameters:
    /// `eps_BL` (eps_{B-L}), `eps` (the physical kinetic mixing) or `eps_k` (the Lagrangian one).
    /// (`v_X` is both: a model parameter that is checked, and the input that fixes m_Z'.)
    public static let gaugeInputNames = ["eps_BL", "eps", "eps_k"]

    /// A point of the seed model from named inputs (a parameter file, flags) and the options of a
    /// command: eps_{B-L} from `eps_BL` or g_X from `gaugeCoupling` (not both), eps from `eps`, `eps_k`
    /// or `kineticMixing` (exactly one, default 0 with a note), m_Z' from `v_X` or `mass` (both only if
    /// they agree). Every other name is a model parameter.
    ///
    /// - Throws: ``Problem`` naming the conflicting or missing input.
    public static func resolve(named: [String: Double], mass: Double?, gaugeCoupling: Double?, kineticMixing: Double?,
                               model: Model = BuiltinModels.bMinusLVectorLikeLeptons, datasets: DatasetSelection = .newest,
                               scheme: ElectroweakScheme = .standard) throws(Problem) -> (point: ParameterPoint, problems: [Problem]) {
        var parameters = named
        var problems: [Problem] = []
        let epsBL = parameters.removeValue(forKey: "eps_BL")
        let epsGiven = parameters.removeValue(forKey: "eps")
        let epsK = parameters.removeValue(forKey: "eps_k")
        let kinetic = [epsGiven, epsK, kineticMixing].compactMap { $0 }
        guard kinetic.count <= 1 else {
            throw Problem.invalid(.kineticMixing, text: nil, "give only one of eps, eps_k and the kinetic mixing option", kind: .conflict)
        }
        let eps: Double
        if let epsK {
            guard epsK.isFinite, abs(epsK) < 1 else { throw Problem.invalid(.field("eps_k"), epsK, "must be finite with |eps_k| < 1") }
            eps = Self.kineticMixing(lagrangianParameter: epsK, scheme: scheme)
        } else if let value = epsGiven ?? kineticMixing {
            eps = value
        } else {
            eps = 0
            problems.append(.note(.defaultUsed, .kineticMixing, value: 0, "not given: eps = 0"))
        }
        let epsilon: Double
        switch (epsBL, gaugeCoupling) {
        case (let x?, nil): epsilon = x
        case (nil, let g?):
            try Validate.positive(g, .coupling)
            epsilon = epsilonBL(gaugeCoupling: g, kineticMixing: eps, scheme: scheme)
        case (.some, .some):
            throw Problem.invalid(.coupling, text: nil, "give eps_BL or the gauge coupling g_X, not both", kind: .conflict)
        case (nil, nil):
            throw Problem.invalid(.field("eps_BL"), text: nil, "is required (or the gauge coupling g_X)", kind: .missing)
        }
        let p = try VectorLikeLeptonParameters(modelParameters: parameters)
        problems += p.notes
        let point = try Self.point(parameters: p, epsilonBL: epsilon, kineticMixing: eps, mass: mass, model: model, datasets: datasets, scheme: scheme)
        return (point, problems)
    }
}
