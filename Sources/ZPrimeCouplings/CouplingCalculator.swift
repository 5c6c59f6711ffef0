import Numerics
import ZPrimeCore
import ZPrimeModels

/// The Z' couplings of a model: charges times g_X, tree-level kinetic mixing, the exact A-Z-Z'
/// mixing (including Z-Z' mass mixing when the Higgs carries X charge) and, for L_i - L_j type
/// models, the loop-induced kinetic mixing.
///
/// Conventions (PHYSICS.md section 3, seeds 000/001): L = e Z'_mu sum_f fbar gamma^mu (eps^V_f +
/// gamma^5 eps^A_f) f; from chiral couplings g_L, g_R: eps^V = (g_L + g_R)/(2e),
/// eps^A = (g_R - g_L)/(2e). At leading order in eps and m_Z'^2/m_Z^2:
/// eps^V_f = g_X (X_fL + X_fR)/(2e) + eps Q_f, eps^A_f = g_X (X_fR - X_fL)/(2e).
/// Nucleons: eps^V_p = 2 eps^V_u + eps^V_d, eps^V_n = eps^V_u + 2 eps^V_d; eps^A_N = sum_q g_A^q eps^A_q
/// with the FLAG 2019 quark spin fractions (``PhysicalConstants/protonAxialChargeUp``).
///
/// Parameters:
/// - `gaugeCoupling` g_X multiplies the model's charges (ignored for the dark photon, which has none);
/// - `kineticMixing` is the physical eps multiplying e Q_f (seed 000: eps = eps_k cos(theta_W)/sqrt(1 -
///   eps_k^2)); `nil` means none at tree level. For a model with a fixed ratio (protophobic) eps is
///   ratio g_X/e and giving it explicitly is an error.
///
/// Only the SM fermions' charges enter: extra fermions are taken heavy and unmixed (mixing with
/// vector-like leptons, as in the b-l-vll seed model, needs the mass-matrix stage).
///
/// ```swift
/// let lmt = try CouplingCalculator(model: BuiltinModels.model(named: "Lmu-Ltau")!, gaugeCoupling: 1e-3)
/// lmt.couplings(atSquaredMomentum: 0)[.electron].vector   // loop-induced, about -1.4e-5
/// ```
public struct CouplingCalculator: Sendable {
    /// The model.
    public let model: Model
    /// g_X (0 for a kinetic-mixing-only model).
    public let gaugeCoupling: Double
    /// The tree-level eps in use (explicit, fixed by the model's ratio, or 0).
    public let kineticMixing: Double
    /// The options.
    public let options: CouplingOptions
    /// The loop-induced mixing, when switched on.
    public let loopMixing: LoopKineticMixing?
    /// The U(1)_X charge of the Higgs doublet.
    public let higgsCharge: Double

    /// Chiral quantum numbers (T3, Y, X) of the left- and right-handed parts, per target (fermions only).
    private let left: [(t3: Double, y: Double, x: Double)]
    private let right: [(t3: Double, y: Double, x: Double)?]
    private let sterileCharges: [Double]
    private let defaultMixing: GaugeBosonMixing

    /// Builds the calculator.
    ///
    /// - Throws: ``CouplingError`` for a non-finite or non-positive g_X (charged models), a
    ///   non-finite eps or |eps| >= 1, eps given for a model that fixes it, a model without three
    ///   families, Dirac neutrinos without one N_R per family, loop mixing forced on where it
    ///   diverges, or an ``CouplingOptions/bosonMass`` without a Z' eigenstate.
    public init(model: Model, gaugeCoupling: Double, kineticMixing: Double? = nil,
                options: CouplingOptions = CouplingOptions()) throws(CouplingError) {
        guard model.families == 3 else {
            throw CouplingError(parameter: "model \(model.name)", value: Double(model.families), problem: "families: couplings need the three SM families")
        }
        let charged = !model.isKineticMixingOnly && Self.hasCharges(model)
        if charged {
            guard gaugeCoupling.isFinite, gaugeCoupling > 0 else {
                throw CouplingError(parameter: "gauge coupling", value: gaugeCoupling, problem: "must be finite and > 0")
            }
        }
        let g = charged ? gaugeCoupling : 0
        var eps = 0.0
        if let ratio = model.kineticMixingRatio {
            if let kineticMixing {
                throw CouplingError(parameter: "kinetic mixing", value: kineticMixing,
                                    problem: "model \(model.name) fixes eps = \(ratio) g_X/e; do not give it")
            }
            // The ratio ties eps to the effective U(1)_X coupling g_X/(e sqrt(1 - eps_k^2)) that
            // multiplies the charges after the kinetic mixing is removed (seed 000), so that a
            // protophobic model (ratio -1) has eps_p = 0 exactly in the light limit, not only at
            // leading order: eps = r sqrt(cos^2 + eps^2)/cos with r = ratio g_X/e, i.e.
            // eps = r cos / sqrt(cos^2 - r^2).
            let r = ratio * g / options.electroweak.elementaryCharge
            let cw = options.electroweak.cosThetaW
            guard abs(r) < cw else {
                throw CouplingError(parameter: "gauge coupling", value: gaugeCoupling,
                                    problem: "too large: model \(model.name) needs |ratio g_X/e| < cos(theta_W)")
            }
            eps = r * cw / (cw * cw - r * r).squareRoot()
        } else if let kineticMixing {
            eps = kineticMixing
        }
        guard eps.isFinite, abs(eps) < 1 else {
            throw CouplingError(parameter: "kinetic mixing", value: eps, problem: "must be finite with |eps| < 1")
        }
        self.model = model
        self.gaugeCoupling = g
        self.kineticMixing = eps
        self.options = options
        self.higgsCharge = model.higgsCharge.doubleValue

        let l = model.charges(of: .L).map(\.doubleValue)
        let e = model.charges(of: .E).map(\.doubleValue)
        let q = model.charges(of: .Q).map(\.doubleValue)
        let u = model.charges(of: .U).map(\.doubleValue)
        let d = model.charges(of: .D).map(\.doubleValue)
        let n = model.charges(of: .N).map(\.doubleValue)
        if options.lightNeutrinos == .dirac && n.count != 3 {
            throw CouplingError(parameter: "neutrino nature", value: nil,
                                problem: "dirac needs one N_R per family; model \(model.name) has \(n.count)")
        }
        var left: [(t3: Double, y: Double, x: Double)] = []
        var right: [(t3: Double, y: Double, x: Double)?] = []
        for target in CouplingTarget.fermions {
            let f = target.family!
            switch target {
            case .electron, .muon, .tau:
                left.append((-0.5, -0.5, l[f])); right.append((0, -1, e[f]))
            case .electronNeutrino, .muonNeutrino, .tauNeutrino:
                left.append((0.5, -0.5, l[f])); right.append(options.lightNeutrinos == .dirac ? (0, 0, n[f]) : nil)
            case .up, .charm, .top:
                left.append((0.5, 1.0 / 6.0, q[f])); right.append((0, 2.0 / 3.0, u[f]))
            default:
                left.append((-0.5, 1.0 / 6.0, q[f])); right.append((0, -1.0 / 3.0, d[f]))
            }
        }
        self.left = left
        self.right = right
        self.sterileCharges = options.lightNeutrinos == .lightSterile ? n : []

        // Loop-induced kinetic mixing.
        let loop = Self.loopCandidate(model: model, leptonLeft: l, leptonRight: e, gaugeCoupling: g)
        switch options.loopMixing {
        case .off:
            loopMixing = nil
        case .on:
            guard let loop else {
                throw CouplingError(parameter: "loop mixing", value: nil,
                                    problem: "not finite for model \(model.name): it needs U(1)_X charges on charged leptons only, summing to zero, and X_H = 0")
            }
            loopMixing = loop
        case .automatic:
            let treeGiven = kineticMixing != nil || model.kineticMixingRatio != nil || model.isKineticMixingOnly
            loopMixing = treeGiven ? nil : loop
        }
        if let m = options.bosonMass {
            guard m.isFinite, m >= 0 else { throw CouplingError(parameter: "mass", value: m, problem: "must be finite and >= 0") }
        }
        defaultMixing = try GaugeBosonMixing(kineticMixing: eps, gaugeCoupling: g, higgsCharge: higgsCharge,
                                             bosonMass: options.bosonMass ?? 0, electroweak: options.electroweak)
    }

    static func hasCharges(_ model: Model) -> Bool {
        model.charges.values.contains { $0.contains { $0 != .zero } } || model.higgsCharge != .zero
    }

    /// The loop mixing if it is finite: only charged leptons carry (vector) X charge among the
    /// electrically charged fields, their sum vanishes, X_H = 0.
    static func loopCandidate(model: Model, leptonLeft: [Double], leptonRight: [Double], gaugeCoupling: Double) -> LoopKineticMixing? {
        guard gaugeCoupling > 0, model.higgsCharge == .zero else { return nil }
        for species in [StandardModelSpecies.Q, .U, .D] where model.charges(of: species).contains(where: { $0 != .zero }) { return nil }
        for fermion in model.extraFermions where fermion.gauge.hypercharge != .zero || fermion.gauge.isospin.dimension > 1 {
            let charges = (fermion.leftCharges ?? []) + (fermion.rightCharges ?? [])
            if charges.contains(where: { $0 != .zero }) { return nil }
        }
        let masses = [PhysicalConstants.electronMass, PhysicalConstants.muonMass, PhysicalConstants.tauMass]
        let fermions = (0..<3).map { LoopFermion(mass: masses[$0], electricCharge: -1, vectorCharge: (leptonLeft[$0] + leptonRight[$0]) / 2) }
        return LoopKineticMixing(fermions: fermions, gaugeCoupling: gaugeCoupling)
    }

    /// The exact A-Z-Z' mixing for a Z' of mass `bosonMass` (GeV).
    public func mixing(bosonMass: Double) throws(CouplingError) -> GaugeBosonMixing {
        if let m = options.bosonMass, m == bosonMass { return defaultMixing }
        return try GaugeBosonMixing(kineticMixing: kineticMixing, gaugeCoupling: gaugeCoupling, higgsCharge: higgsCharge,
                                    bosonMass: bosonMass, electroweak: options.electroweak)
    }

    /// The real parts of the couplings (units of e) at momentum transfer `q2` (GeV^2, finite; it
    /// matters only for the loop-induced mixing), with the mass mixing of
    /// ``CouplingOptions/bosonMass`` (light limit when nil).
    public func couplings(atSquaredMomentum q2: Double) -> FermionCouplings {
        complexCouplings(mixing: defaultMixing, squaredMomentum: q2).real
    }

    /// The real parts of the couplings of a Z' of mass `bosonMass`, at `q2` (default: on shell, q^2 = m^2).
    public func couplings(bosonMass: Double, atSquaredMomentum q2: Double? = nil) throws(CouplingError) -> FermionCouplings {
        try complexCouplings(bosonMass: bosonMass, atSquaredMomentum: q2).real
    }

    /// The complex couplings of a Z' of mass `bosonMass` (GeV) at `q2` (GeV^2; default on shell).
    public func complexCouplings(bosonMass: Double, atSquaredMomentum q2: Double? = nil) throws(CouplingError) -> ComplexFermionCouplings {
        let q2 = q2 ?? bosonMass * bosonMass
        guard q2.isFinite else { throw CouplingError(parameter: "squared momentum", value: q2, problem: "must be finite") }
        return complexCouplings(mixing: try mixing(bosonMass: bosonMass), squaredMomentum: q2)
    }

    /// The complex couplings for a given mixing and momentum transfer.
    public func complexCouplings(mixing: GaugeBosonMixing, squaredMomentum q2: Double) -> ComplexFermionCouplings {
        let e = PhysicalConstants.elementaryCharge
        let loopEps: Complex<Double>? = loopMixing.map { $0.mixing(atSquaredMomentum: q2) }
        var values = [ComplexChiralCoupling](repeating: .zero, count: CouplingTarget.caseCount)
        for (i, target) in CouplingTarget.fermions.enumerated() {
            let l = left[i]
            let gL = mixing.coupling(isospin: l.t3, hypercharge: l.y, charge: l.x)
            let gR = right[i].map { mixing.coupling(isospin: $0.t3, hypercharge: $0.y, charge: $0.x) } ?? 0
            var vector = Complex((gL + gR) / (2 * e), 0)
            let axial = Complex((gR - gL) / (2 * e), 0)
            if let loopEps, target.electricCharge != 0 {
                vector = vector + Complex(-target.electricCharge, 0) * loopEps
            }
            values[target.ordinal] = ComplexChiralCoupling(vector: vector, axial: axial)
        }
        let u = values[CouplingTarget.up.ordinal], d = values[CouplingTarget.down.ordinal], s = values[CouplingTarget.strange.ordinal]
        let du = PhysicalConstants.protonAxialChargeUp, dd = PhysicalConstants.protonAxialChargeDown, ds = PhysicalConstants.protonAxialChargeStrange
        values[CouplingTarget.proton.ordinal] = ComplexChiralCoupling(
            vector: Complex(2, 0) * u.vector + d.vector,
            axial: Complex(du, 0) * u.axial + Complex(dd, 0) * d.axial + Complex(ds, 0) * s.axial)
        values[CouplingTarget.neutron.ordinal] = ComplexChiralCoupling(
            vector: u.vector + Complex(2, 0) * d.vector,
            axial: Complex(dd, 0) * u.axial + Complex(du, 0) * d.axial + Complex(ds, 0) * s.axial)
        let sterile = sterileCharges.map { x -> ComplexChiralCoupling in
            let gR = mixing.coupling(isospin: 0, hypercharge: 0, charge: x)
            return ComplexChiralCoupling(vector: Complex(gR / (2 * e), 0), axial: Complex(gR / (2 * e), 0))
        }
        return ComplexFermionCouplings(values: values, sterileNeutrinos: sterile)
    }

    /// Problems worth reporting (returned as data, not thrown): a non-perturbative coupling, a
    /// Z mass noticeably shifted by the mixing.
    public func warnings(bosonMass: Double? = nil) -> [String] {
        var list: [String] = []
        let maxCharge = model.charges.values.flatMap { $0 }.map { abs($0.doubleValue) }.max() ?? 0
        if gaugeCoupling * maxCharge > (4 * Double.pi).squareRoot() {
            list.append("g_X |X|max = \(gaugeCoupling * maxCharge) exceeds sqrt(4 pi): not perturbative")
        }
        if let m = bosonMass ?? options.bosonMass, let mix = try? mixing(bosonMass: m) {
            let shift = mix.shiftedZMass - options.electroweak.zMass
            if abs(shift) > 2.0e-3 {
                list.append("the mixing shifts the Z mass by \(shift) GeV (measured to 2 MeV): electroweak precision data exclude this point")
            }
        }
        return list
    }
}
