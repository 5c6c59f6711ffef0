import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeModels
import ZPrimeObservables
import ZPrimePoint
import ZPrimeSpectrum

/// Settings of a flavour report that are not part of the physics point.
public struct FlavourSettings: Sendable, Hashable {
    /// Which quark sector carries the CKM misalignment.
    public var alignment: QuarkAlignment
    /// theta_12 of the charged-lepton dipole misalignment (radians).
    public var theta12: Double
    /// theta_23 (radians).
    public var theta23: Double
    /// How the dipole is spread over the families.
    public var dipoleStructure: DipoleStructure

    /// The defaults: up alignment, aligned dipole (no cLFV), muon-only dipole.
    public init(alignment: QuarkAlignment = .up, theta12: Double = 0, theta23: Double = 0, dipoleStructure: DipoleStructure = .muon) {
        self.alignment = alignment
        self.theta12 = theta12
        self.theta23 = theta23
        self.dipoleStructure = dipoleStructure
    }
}

/// Every flavour observable of a Z' parameter point: b -> s mu mu (and b -> s e e, b -> s tau tau),
/// B_s mixing, neutrino trident, Delta a_mu and the cLFV it implies, and the weak-effective-theory
/// coefficients for flavio.
///
/// The Z' is integrated out at mu = M (``WeakEffectiveTheory``), so the contact-interaction results
/// (C_9, C_10, B_s mixing, trident) need M above the momentum transfers: a warning says when
/// M < 5 GeV. Delta a_mu is the full one-loop result at any mass (``AnomalousMagneticMoment``).
///
/// ```swift
/// let model = Model(name: "third-family", charges: [.Q: [0, 0, 1], .U: [0, 0, 1], .D: [0, 0, 1],
///                                                   .L: [0, -3, 0], .E: [0, -3, 0], .N: [0, -3, 0]])
/// let report = try FlavourReport(point: try ParameterPoint(model: model, mass: 1000, coupling: 0.1))
/// print(report.bToSMuMu.c9.real, report.bsMixingShift.length)   // 1.57, 0.092
/// ```
public struct FlavourReport: Sendable {
    /// The point.
    public let point: ParameterPoint
    /// The settings.
    public let settings: FlavourSettings
    /// The mass-basis couplings at q^2 = 0.
    public let couplings: FlavourCouplings
    /// b -> s mu mu.
    public let bToSMuMu: SemileptonicCoefficients
    /// b -> s e e.
    public let bToSEE: SemileptonicCoefficients
    /// b -> s tau tau.
    public let bToSTauTau: SemileptonicCoefficients
    /// (sbar b)^2 at mu = M.
    public let bsMixing: MixingCoefficients
    /// M_12/M_12^SM - 1.
    public let bsMixingShift: Complex<Double>
    /// (nu_mu nu_mu)(mu mu): C_VLL, C_VLR in flavio's normalisation.
    public let tridentCoefficients: (left: Double, right: Double)
    /// sigma/sigma_SM of nu_mu N -> nu_mu mu mu N (heavy limit).
    public let tridentRatio: Double
    /// The one-loop Z' Delta a_mu.
    public let deltaAMuon: Double
    /// Br(mu -> e gamma), Br(tau -> mu gamma) from that Delta a_mu and the settings' angles.
    public let leptonFlavourViolation: ChargedLeptonFlavourViolation
    /// Caveats.
    public let problems: [Problem]

    /// The report of `point` (mass > 0).
    ///
    /// - Throws: ``Problem`` for a point without a positive mass, or a model with neither a
    ///   flavour-changing quark coupling nor a muon coupling (nothing the flavour observables need).
    public init(point: ParameterPoint, settings: FlavourSettings = FlavourSettings()) throws(Problem) {
        guard point.mass > 0 else { throw Problem.invalid(.mass, point.mass, "must be finite and > 0 for the flavour observables") }
        let couplings = try FlavourCouplings(point: point, alignment: settings.alignment)
        let table = couplings.table
        let m = point.mass
        let hasQuarkFlavourChange = table.matrix.offDiagonal.contains { table.particles[$0.row].isQuark }
        let muon = table.matrix[1, 1]
        let hasMuon = !muon.isZero
        guard hasQuarkFlavourChange || hasMuon else {
            throw Problem.invalid(.model, text: point.model.name,
                                  "has no coupling the flavour observables need: b -> s mu mu and B_s mixing need family-dependent quark charges (a flavour-changing coupling under the \(settings.alignment.name) alignment), trident and Delta a_mu a coupling to muons",
                                  kind: .unsupportedModel)
        }
        self.point = point
        self.settings = settings
        self.couplings = couplings
        bToSMuMu = try WeakEffectiveTheory.semileptonic(table, lepton: "mu", mass: m)
        bToSEE = try WeakEffectiveTheory.semileptonic(table, lepton: "e", mass: m)
        bToSTauTau = try WeakEffectiveTheory.semileptonic(table, lepton: "tau", mass: m)
        bsMixing = try WeakEffectiveTheory.mixing(table, mass: m)
        bsMixingShift = BsMixing.relativeShift(bsMixing, mass: m)
        tridentCoefficients = try WeakEffectiveTheory.neutrinoMuon(table, mass: m)
        tridentRatio = TridentContact.ratio(vectorLeftLeft: tridentCoefficients.left, vectorLeftRight: tridentCoefficients.right)
        deltaAMuon = try AnomalousMagneticMoment.deltaA(.muon, couplings: table.real, bosonMass: m)
        leptonFlavourViolation = try ChargedLeptonFlavourViolation(deltaAMuon: deltaAMuon, theta12: settings.theta12, theta23: settings.theta23,
                                                                   structure: settings.dipoleStructure)
        var problems: [Problem] = []
        if m < 5 {
            problems.append(.warning(.methodCaveat, .mass, value: m,
                                     "a Z' lighter than the b quark is not a contact interaction for b -> s mu mu, B_s mixing or trident: C_9, C_10, C_bb_LL and the trident ratio are those of a heavy mediator and do not apply"))
        }
        if !hasQuarkFlavourChange {
            problems.append(.note(.unsupportedModel, .model, "no flavour-changing quark coupling under the \(settings.alignment.name) alignment: C_9, C_10 and B_s mixing vanish at tree level"))
        }
        if bsMixing.vectorLeftRight != .zero {
            problems.append(.note(.methodCaveat, .field("C_VLR"), "the B_s mixing shift leaves out C_VLR (its matrix element differs from that of C_VLL)"))
        }
        self.problems = problems
    }

    /// Leading-order estimates of flavio's observables from the same coefficients (the cross-check of a
    /// WCxf export): R_K = BR(B -> K mu mu)/BR(B -> K e e) in 1.1-6 GeV^2, BR(B_s -> mu mu)/SM and
    /// Delta M_s/SM.
    ///
    ///     R_K ~ [|C_9^SM + C_9 + C_9'|^2 + |C_10^SM + C_10 + C_10'|^2] / [|C_9^SM + C_9^e + C_9'^e|^2 + |C_10^SM + C_10^e + C_10'^e|^2],
    ///     BR(B_s -> mu mu)/SM = |1 + (C_10 - C_10')/C_10^SM|^2,   Delta M_s/SM = |1 + M_12^NP/M_12^SM|,
    ///
    /// with C_9^eff,SM ~ 4.2 averaged over the bin and C_10^SM = -4.2 (``FlavourInputs``); form factors,
    /// the q^2 dependence of C_9^eff and the running of C_9 by QED are left out (a few per cent).
    public var leadingOrderEstimates: (rK: Double, bsMuMuRatio: Double, deltaMsRatio: Double) {
        let sm = (try? FlavourInputs.bundled())?.standardModel
        let c9 = sm?.c9Effective ?? 4.2, c10 = sm?.c10 ?? -4.2
        func rate(_ c: SemileptonicCoefficients) -> Double {
            (Complex(c9, 0) + c.c9 + c.c9Prime).lengthSquared + (Complex(c10, 0) + c.c10 + c.c10Prime).lengthSquared
        }
        let rK = rate(bToSMuMu) / rate(bToSEE)
        let bs = (Complex(1, 0) + (bToSMuMu.c10 - bToSMuMu.c10Prime) / Complex(c10, 0)).lengthSquared
        let dm = (Complex(1, 0) + bsMixingShift).length
        return (rK, bs, dm)
    }

    /// The Wilson coefficients of the weak effective theory at mu = M (the WCxf `flavio` basis), only the
    /// non-zero ones, in a fixed order.
    public var wilsonCoefficients: [(String, Complex<Double>)] {
        var list: [(String, Complex<Double>)] = []
        list.reserveCapacity(60)
        let table = couplings.table, m = point.mass
        let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
        let g = 4 * PhysicalConstants.fermiConstant / 2.0.squareRoot() * PhysicalConstants.alpha / (4 * Double.pi)
        let leptons = [(0, 0), (1, 1), (2, 2)]   // e, mu, tau: table indices, name index
        for (k, (barred, unbarred, lambda)) in Self.semileptonicPairs.enumerated() {
            let q = table.matrix[barred, unbarred]
            guard !q.isZero else { continue }
            let factor = Complex(-e2 / (m * m), 0) / (Complex(g, 0) * lambda)
            for (l, n) in leptons {
                let ll = table.matrix.diagonal[l]
                guard !ll.isZero else { continue }
                let names = Self.semileptonicNames[k][n]
                list += [(names[0], factor * q.left * ll.vector), (names[1], factor * q.left * ll.axial),
                         (names[2], factor * q.right * ll.vector), (names[3], factor * q.right * ll.axial)]
            }
        }
        for (k, (barred, unbarred)) in Self.mixingPairs.enumerated() {
            let q = table.matrix[barred, unbarred]
            guard !q.isZero else { continue }
            let f = Complex(-e2 / (2 * m * m), 0)
            let names = Self.mixingNames[k]
            list += [(names[0], f * q.left * q.left), (names[1], f * q.right * q.right), (names[2], Complex(2, 0) * f * q.left * q.right)]
        }
        list += [("CVLL_numunumumumu", Complex(tridentCoefficients.left, 0)), ("CVLR_numunumumumu", Complex(tridentCoefficients.right, 0))]
        // Delta a_mu = (m_mu^2 G_F/(sqrt2 pi^2)) Re C7_mumu in flavio's normalisation of the muon dipole.
        let mu = PhysicalConstants.muonMass
        let c7 = deltaAMuon * 2.0.squareRoot() * Double.pi * Double.pi / (mu * mu * PhysicalConstants.fermiConstant)
        list.append(("C7_mumu", Complex(c7, 0)))
        var largest = 0.0
        for entry in list { largest = max(largest, abs(entry.1.real), abs(entry.1.imaginary)) }
        return list.filter { max(abs($0.1.real), abs($0.1.imaginary)) > 1e-14 * largest }
    }

    /// (sbar b), (dbar b), (dbar s) as table indices with flavio's CKM normalisation.
    static let semileptonicPairs: [(Int, Int, Complex<Double>)] = [
        (8, 10, WeakEffectiveTheory.ckmFactor(barred: "s", unbarred: "b")!),
        (7, 10, WeakEffectiveTheory.ckmFactor(barred: "d", unbarred: "b")!),
        (7, 8, WeakEffectiveTheory.ckmFactor(barred: "d", unbarred: "s")!),
    ]
    /// The WCxf names of ``semileptonicPairs`` per lepton: C9, C10, C9p, C10p.
    static let semileptonicNames: [[[String]]] = ["bs", "bd", "sd"].map { sector in
        ["ee", "mumu", "tautau"].map { l in ["C9_", "C10_", "C9p_", "C10p_"].map { $0 + sector + l } }
    }
    /// (sbar b)^2, (dbar b)^2, (dbar s)^2, (ubar c)^2 as table indices.
    static let mixingPairs: [(Int, Int)] = [(8, 10), (7, 10), (7, 8), (6, 9)]
    /// Their WCxf names: CVLL, CVRR, CVLR.
    static let mixingNames: [[String]] = ["bsbs", "bdbd", "sdsd", "ucuc"].map { s in ["CVLL_", "CVRR_", "CVLR_"].map { $0 + s } }

    /// The WCxf document at mu = M.
    ///
    /// - Throws: ``Problem`` when the mass is below the b quark (the weak effective theory at mu = M does
    ///   not exist for such a light mediator) or no coefficient is produced.
    public func wcxf(basis: String = "flavio") throws(Problem) -> WCXFDocument {
        try WCXFDocument.validateBasis(basis)
        guard point.mass >= 5 else {
            throw Problem.invalid(.mass, point.mass, "the weak effective theory at mu = M needs a mediator heavier than the b quark (M >= 5 GeV)")
        }
        let values = wilsonCoefficients
        guard !values.isEmpty else {
            throw Problem.invalid(.model, text: point.model.name, "produces no weak-effective-theory operator at tree level", kind: .unsupportedModel)
        }
        let description = "ZPrime: tree-level matching of the Z' of model \(point.model.name) (g_X = \(point.coupling), M = \(point.mass) GeV, \(settings.alignment.name) alignment) at mu = M; C7_mumu from the one-loop Delta a_mu"
        return WCXFDocument(scale: point.mass, values: values, description: description)
    }
}
