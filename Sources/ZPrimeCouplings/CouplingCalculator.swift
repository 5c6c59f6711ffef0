import Numerics
import ZPrimeCore
import ZPrimeModels

/// The couplings stage for one parameter point: the model's charges times g_X, tree-level kinetic
/// mixing, the exact A-Z-Z' mixing (including Z-Z' mass mixing when the Higgs carries X charge) and,
/// for L_i - L_j type models, the loop-induced kinetic mixing, on every fermion of the point's
/// mass-basis particle table.
///
/// Conventions (Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235): L = e Z'_mu sum_f fbar
/// gamma^mu (eps^V_f + gamma^5 eps^A_f) f; from chiral couplings g_L, g_R: eps^V = (g_L + g_R)/(2e),
/// eps^A = (g_R - g_L)/(2e). At leading order in eps and m_Z'^2/m_Z^2:
/// eps^V_f = g_X (X_fL + X_fR)/(2e) + eps Q_f, eps^A_f = g_X (X_fR - X_fL)/(2e). The electroweak
/// numbers come from one ``ElectroweakScheme``.
///
/// Particle content: the twelve Standard Model fermions, with the quarks and leptons taken aligned
/// (the interaction basis is the mass basis: family-diagonal charges give diagonal couplings), plus
/// the light N_R when the point's neutrinos are ``LightNeutrinos/lightSterile``. Extra fermions of
/// the model are taken heavy and unmixed; mixing with them (vector-like leptons) comes from a mass
/// matrix, not from charges alone: a model with ``FermionSpectrum/vectorLikeLeptons`` whose point
/// carries the model's parameters gets its mass-basis table from ``VectorLikeLeptonCouplings``.
///
/// The calculator is prepared once per point (quantum numbers, loop fermions, the mixing at the
/// point's mass); ``table(mass:squaredMomentum:)`` sweeps masses and momenta without rebuilding it,
/// and ``withModelCoupling(_:)`` moves along the coupling scale.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0, coupling: 1e-3)
/// let calculator = try CouplingCalculator(point: point)
/// print(try calculator.table(squaredMomentum: 0)[.electron].vector.real)   // loop-induced, about -1.4e-5
/// ```
public struct CouplingCalculator: Sendable {
    /// The parameter point.
    public let point: ParameterPoint
    /// The electroweak scheme.
    public let scheme: ElectroweakScheme
    /// The tree-level eps in use (fixed, tied to g_X, the model's ratio, or the loop estimate).
    public let kineticMixing: Double
    /// The loop-induced mixing, when switched on.
    public let loopMixing: LoopKineticMixing?
    /// The mass-basis particles the couplings are computed for.
    public let particles: ParticleTable
    /// The seed model's vector-like-lepton spectrum, when the model has that spectrum and the point
    /// its parameters (``FermionSpectrum/vectorLikeLeptons``); nil otherwise.
    public let vectorLikeLeptons: VectorLikeLeptonCouplings?

    /// (T3, Y, X) of a chiral part.
    private struct QuantumNumbers: Sendable {
        var isospin: Double
        var hypercharge: Double
        var charge: Double
    }
    /// The left- and right-handed parts of every particle (nil when absent).
    private let chiralParts: [(left: QuantumNumbers?, right: QuantumNumbers?)]
    /// The electric charge of every particle, read once (the per-mass loop copies no `Particle`).
    private let electricCharges: [Double]
    private let pointMixing: GaugeBosonMixing

    /// The model.
    public var model: Model { point.model }
    /// g_X (0 for a kinetic-mixing-only model).
    public var gaugeCoupling: Double { point.coupling }
    /// The U(1)_X charge of the Higgs doublet.
    public var higgsCharge: Double { point.model.higgsCharge.doubleValue }

    /// Prepares the couplings of `point` in the electroweak `scheme`.
    ///
    /// - Throws: ``Problem`` for loop mixing forced on where it diverges, a model-fixed ratio that
    ///   cannot be met, or a mass without a Z' eigenstate (see ``GaugeBosonMixing``).
    public init(point: ParameterPoint, scheme: ElectroweakScheme = .standard) throws(Problem) {
        self.point = point
        self.scheme = scheme
        let model = point.model
        let eps = try point.treeLevelKineticMixing(scheme: scheme)
        guard eps.isFinite, abs(eps) < 1 else { throw Problem.invalid(.kineticMixing, eps, "must be finite with |eps| < 1") }
        kineticMixing = eps

        let l = model.charges(of: .L).map(\.doubleValue)
        let e = model.charges(of: .E).map(\.doubleValue)
        let q = model.charges(of: .Q).map(\.doubleValue)
        let u = model.charges(of: .U).map(\.doubleValue)
        let d = model.charges(of: .D).map(\.doubleValue)
        let n = model.charges(of: .N).map(\.doubleValue)
        var parts: [(left: QuantumNumbers?, right: QuantumNumbers?)] = []
        for target in CouplingTarget.fermions {
            let f = target.family!
            switch target {
            case .electron, .muon, .tau:
                parts.append((QuantumNumbers(isospin: -0.5, hypercharge: -0.5, charge: l[f]), QuantumNumbers(isospin: 0, hypercharge: -1, charge: e[f])))
            case .electronNeutrino, .muonNeutrino, .tauNeutrino:
                parts.append((QuantumNumbers(isospin: 0.5, hypercharge: -0.5, charge: l[f]),
                              point.neutrinos == .dirac ? QuantumNumbers(isospin: 0, hypercharge: 0, charge: n[f]) : nil))
            case .up, .charm, .top:
                parts.append((QuantumNumbers(isospin: 0.5, hypercharge: 1.0 / 6.0, charge: q[f]), QuantumNumbers(isospin: 0, hypercharge: 2.0 / 3.0, charge: u[f])))
            default:
                parts.append((QuantumNumbers(isospin: -0.5, hypercharge: 1.0 / 6.0, charge: q[f]), QuantumNumbers(isospin: 0, hypercharge: -1.0 / 3.0, charge: d[f])))
            }
        }
        var table = ParticleTable.standardModel
        if point.neutrinos == .lightSterile, !n.isEmpty {
            // Light Majorana N_R: right-handed Weyl fields, their couplings stored as right-handed parts.
            let sterile = n.indices.map { Particle(name: "N\($0 + 1)", kind: .sterileNeutrino, mass: 0, electricCharge: 0, isMajorana: true) }
            table = try table.appending(sterile)
            for x in n { parts.append((nil, QuantumNumbers(isospin: 0, hypercharge: 0, charge: x))) }
        }
        chiralParts = parts
        electricCharges = table.map(\.charge)

        let loop = Self.loopCandidate(model: model, particles: table, leptonLeft: l, leptonRight: e, gaugeCoupling: point.coupling)
        switch point.loopMixing {
        case .off, .estimate:
            loopMixing = nil
        case .on:
            guard let loop else {
                throw Problem.invalid(.loopMixing, text: LoopMixingMode.on.rawValue,
                                      "not finite for model \(model.name): it needs U(1)_X charges on charged leptons only, summing to zero, and X_H = 0",
                                      kind: .unsupportedModel)
            }
            loopMixing = loop
        case .automatic:
            let treeGiven = point.kineticMixing != .none || !model.isU1Charged
            loopMixing = treeGiven ? nil : loop
        }
        pointMixing = try GaugeBosonMixing(kineticMixing: eps, gaugeCoupling: point.coupling, higgsCharge: model.higgsCharge.doubleValue,
                                           bosonMass: point.mass, electroweak: scheme)
        // The spectrum provider the model chooses: mass matrices for the vector-like leptons.
        if model.spectrum == .vectorLikeLeptons, !point.modelParameters.isEmpty {
            let spectrum = try VectorLikeLeptonCouplings(point: point, mixing: pointMixing, scheme: scheme)
            vectorLikeLeptons = spectrum
            particles = spectrum.particles
        } else {
            vectorLikeLeptons = nil
            particles = table
        }
    }

    /// The same point with the model's coupling (g_X, or eps for the dark photon) set to `value`.
    public func withModelCoupling(_ value: Double) throws(Problem) -> CouplingCalculator {
        try CouplingCalculator(point: point.withModelCoupling(value), scheme: scheme)
    }

    /// The loop mixing if it is finite: only charged leptons carry (vector) X charge among the
    /// electrically charged fields, their sum vanishes, X_H = 0.
    static func loopCandidate(model: Model, particles: ParticleTable, leptonLeft: [Double], leptonRight: [Double],
                              gaugeCoupling: Double) -> LoopKineticMixing? {
        guard gaugeCoupling > 0, model.higgsCharge == .zero else { return nil }
        for species in [StandardModelSpecies.Q, .U, .D] where model.charges(of: species).contains(where: { $0 != .zero }) { return nil }
        for fermion in model.extraFermions where fermion.gauge.hypercharge != .zero || fermion.gauge.isospin.dimension > 1 {
            let charges = (fermion.leftCharges ?? []) + (fermion.rightCharges ?? [])
            if charges.contains(where: { $0 != .zero }) { return nil }
        }
        let leptons = [CouplingTarget.electron, .muon, .tau]
        let fermions = (0..<3).map {
            LoopFermion(mass: particles[leptons[$0].ordinal].mass, electricCharge: -1, vectorCharge: (leptonLeft[$0] + leptonRight[$0]) / 2)
        }
        return LoopKineticMixing(fermions: fermions, gaugeCoupling: gaugeCoupling)
    }

    /// The exact A-Z-Z' mixing for a Z' of mass `bosonMass` (GeV).
    public func mixing(bosonMass: Double) throws(Problem) -> GaugeBosonMixing {
        if bosonMass == point.mass { return pointMixing }
        return try GaugeBosonMixing(kineticMixing: kineticMixing, gaugeCoupling: point.coupling, higgsCharge: higgsCharge,
                                    bosonMass: bosonMass, electroweak: scheme)
    }

    /// The couplings at the point's mass and momentum transfer `q2` (GeV^2; default on shell,
    /// q^2 = m^2).
    public func table(squaredMomentum q2: Double? = nil) throws(Problem) -> CouplingTable {
        let q2 = q2 ?? point.mass * point.mass
        try Validate.finite(q2, .squaredMomentum)
        return table(mixing: pointMixing, squaredMomentum: q2)
    }

    /// The couplings of a Z' of mass `mass` (GeV) at `q2` (GeV^2; default on shell, q^2 = m^2).
    public func table(mass: Double, squaredMomentum q2: Double? = nil) throws(Problem) -> CouplingTable {
        guard mass.isFinite, mass >= 0, mass <= ParameterPoint.maximumMass else {
            throw Problem.invalid(.mass, mass, "must be finite, >= 0 and <= \(ParameterPoint.maximumMass) GeV")
        }
        let q2 = q2 ?? mass * mass
        try Validate.finite(q2, .squaredMomentum)
        if vectorLikeLeptons != nil && mass != point.mass {
            // m_Z' is tied to v_X: another mass is another spectrum.
            return try CouplingCalculator(point: point.withMass(mass), scheme: scheme).table(squaredMomentum: q2)
        }
        return table(mixing: try mixing(bosonMass: mass), squaredMomentum: q2)
    }

    /// Whether every coupling this calculator produces is flavour diagonal (true for couplings
    /// from charges: the interaction basis is the mass basis; false for a mass-matrix spectrum such
    /// as the vector-like leptons). Sweeps use ``fillDiagonal(mixing:squaredMomentum:into:)``
    /// then, without building a table per mass.
    public var isFlavourDiagonal: Bool { vectorLikeLeptons == nil }

    /// A zero diagonal, one entry per particle, for ``fillDiagonal(mixing:squaredMomentum:into:)``.
    public func zeroDiagonal() -> [ComplexChiralCoupling] { ChiralCouplingMatrix(particles: particles).diagonal }

    /// The couplings for a given mixing and momentum transfer (q^2 finite).
    public func table(mixing: GaugeBosonMixing, squaredMomentum q2: Double) -> CouplingTable {
        if let vectorLikeLeptons {
            return vectorLikeLeptons.table(mixing: mixing, squaredMomentum: q2, gaugeCoupling: point.coupling, kineticMixing: kineticMixing)
        }
        // The zero matrix is made inside ZPrimeSpectrum, where the metadata of its arrays is
        // prespecialised: building `[ComplexChiralCoupling]` here looked it up at run time.
        var matrix = ChiralCouplingMatrix(particles: particles)
        let loopEps = fillDiagonal(mixing: mixing, squaredMomentum: q2, into: &matrix.diagonal)
        return CouplingTable(mass: mixing.bosonMass, squaredMomentum: q2, matrix: matrix,
                             gaugeCoupling: point.coupling, kineticMixing: kineticMixing, loopMixing: loopEps)
    }

    /// Writes the diagonal couplings for `mixing` and `q2` into `diagonal` (one entry per particle,
    /// e.g. from ``zeroDiagonal()``) and returns the loop-induced mixing eps(q^2) that was added, if
    /// any. The allocation-free core of ``table(mixing:squaredMomentum:)`` for sweeps.
    @discardableResult
    public func fillDiagonal(mixing: GaugeBosonMixing, squaredMomentum q2: Double, into diagonal: inout [ComplexChiralCoupling]) -> Complex<Double>? {
        precondition(isFlavourDiagonal && diagonal.count == particles.count, "a flavour-diagonal calculator, one diagonal entry per particle")
        let e = scheme.elementaryCharge
        let loopEps: Complex<Double>? = loopMixing.map { $0.mixing(atSquaredMomentum: q2) }
        for (i, part) in chiralParts.enumerated() {
            let gL = part.left.map { mixing.coupling(isospin: $0.isospin, hypercharge: $0.hypercharge, charge: $0.charge) } ?? 0
            let gR = part.right.map { mixing.coupling(isospin: $0.isospin, hypercharge: $0.hypercharge, charge: $0.charge) } ?? 0
            var vector = Complex((gL + gR) / (2 * e), 0)
            let axial = Complex((gR - gL) / (2 * e), 0)
            let charge = electricCharges[i]
            if let loopEps, charge != 0 {
                vector = vector + Complex(-charge, 0) * loopEps
            }
            diagonal[i] = ComplexChiralCoupling(vector: vector, axial: axial)
        }
        return loopEps
    }

    /// Problems worth reporting with couplings at `mass` (default: the point's), returned as data:
    /// a non-perturbative gauge coupling, a Z mass noticeably shifted by the mixing.
    public func problems(mass: Double? = nil) -> [Problem] {
        var list: [Problem] = []
        let model = point.model
        var maxCharge = model.charges.values.flatMap { $0 }.map { abs($0.doubleValue) }.max() ?? 0
        maxCharge = max(maxCharge, abs(model.higgsCharge.doubleValue))
        for fermion in model.extraFermions {
            for x in (fermion.leftCharges ?? []) + (fermion.rightCharges ?? []) { maxCharge = max(maxCharge, abs(x.doubleValue)) }
        }
        let perturbative = (4 * Double.pi).squareRoot()
        if point.coupling * maxCharge > perturbative {
            list.append(.warning(.nonPerturbativeCoupling, .coupling, value: point.coupling,
                                 "g_X |X|max = \(point.coupling * maxCharge) exceeds sqrt(4 pi): not perturbative"))
        }
        if let vectorLikeLeptons {
            list += vectorLikeLeptons.problems
        } else if model.spectrum == .vectorLikeLeptons {
            list.append(.warning(.methodCaveat, .model, value: nil,
                                 "model \(model.name) without its vector-like-lepton parameters: plain B-L couplings, the mixing with the vector-like leptons is off (give lambda_L, lambda_E, M_L, M_E per generation and m_hX; see docs/seed-model.md)"))
        }
        if let mix = try? mixing(bosonMass: mass ?? point.mass) {
            let shift = mix.shiftedZMass - scheme.zMass
            if abs(shift) > 2.0e-3 {
                list.append(.warning(.zMassShift, .mass, value: mass ?? point.mass,
                                     "the mixing shifts the Z mass by \(shift) GeV (measured to 2 MeV): electroweak precision data exclude this point"))
            }
        }
        return list
    }
}

/// The couplings stage as a function of a parameter point.
public enum Couplings {
    /// The couplings of `point` at its mass and at momentum transfer `q2` (GeV^2; default on shell,
    /// q^2 = m^2).
    public static func table(for point: ParameterPoint, squaredMomentum q2: Double? = nil,
                             scheme: ElectroweakScheme = .standard) throws(Problem) -> CouplingTable {
        try CouplingCalculator(point: point, scheme: scheme).table(squaredMomentum: q2)
    }
}
