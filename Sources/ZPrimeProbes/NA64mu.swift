import Foundation
import Numerics
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimePoint

/// A muon-beam missing-energy setup: beam, target, decay length, signal window and exposure, as data.
///
/// Two setups are built in:
/// - ``seedProposal``: the NA64mu proposal as summarised by Foldenauer ("Hidden photons in light of
///   g-2", 2021, after Gninenko, Krasnikov, Matveev, CERN-SPSC-2019-002): a 160 GeV muon beam, a
///   signal window 10 GeV < E_mu' < 100 GeV on the outgoing muon, 1e11 muons on target (MOT).
/// - ``run2022``: the published search of Andreev et al. (NA64), Phys. Rev. Lett. 132 (2024) 211803,
///   arXiv:2401.01708: 160 GeV/c muons from the CERN M2 line, a scattered muon with momentum below
///   80 GeV/c, (1.98 +- 0.02) x 10^10 MOT, no event observed (from the abstract). The lower edge of
///   its window is not stated there: 10 GeV is assumed.
///
/// Common assumptions (not published numbers): the active target is taken as 40 radiation lengths
/// of lead, L_T = 40 X_0 = 22.45 cm (the depth of the NA64 electromagnetic calorimeter, Sieber et
/// al., Phys. Rev. D 105 (2022) 052006, arXiv:2110.15111); a Z' that decays visibly more than
/// L_det = 5 m downstream (behind the hadron calorimeters) counts as invisible; the signal efficiency
/// is 1 (so the expected exclusion is an optimistic bound); zero observed events exclude more than
/// 2.3 signal events (90 % CL, Poisson, no background).
///
/// ```swift
/// let setup = NA64muSetup.seedProposal
/// print(setup.beamEnergy, setup.signalWindow)   // 160.0 10.0...100.0
/// ```
public struct NA64muSetup: Sendable, Hashable {
    /// A name for output.
    public var name: String
    /// The muon beam energy, GeV.
    public var beamEnergy: Double
    /// The target material.
    public var target: BeamTarget
    /// The target length, cm.
    public var targetLengthCentimetres: Double
    /// The distance behind which a visible decay is missed, metres.
    public var detectorLengthMetres: Double
    /// The window on the outgoing muon energy, GeV.
    public var signalWindow: ClosedRange<Double>
    /// The muons on target.
    public var muonsOnTarget: Double
    /// The signal efficiency (0...1).
    public var signalEfficiency: Double
    /// The number of signal events excluded (2.3: no event observed, no background, 90 % CL).
    public var excludedEvents: Double
    /// What to cite.
    public var citation: String

    /// Creates a setup (see ``validated()``).
    public init(name: String, beamEnergy: Double, target: BeamTarget, targetLengthCentimetres: Double, detectorLengthMetres: Double,
                signalWindow: ClosedRange<Double>, muonsOnTarget: Double, signalEfficiency: Double = 1, excludedEvents: Double = 2.3, citation: String) {
        self.name = name
        self.beamEnergy = beamEnergy
        self.target = target
        self.targetLengthCentimetres = targetLengthCentimetres
        self.detectorLengthMetres = detectorLengthMetres
        self.signalWindow = signalWindow
        self.muonsOnTarget = muonsOnTarget
        self.signalEfficiency = signalEfficiency
        self.excludedEvents = excludedEvents
        self.citation = citation
    }

    /// 40 radiation lengths of lead, cm.
    public static let leadTargetLength = 40 * BeamTarget.lead.radiationLengthCentimetres

    /// The proposal's setup (see the type's discussion).
    public static let seedProposal = NA64muSetup(
        name: "NA64mu proposal", beamEnergy: 160, target: .lead, targetLengthCentimetres: leadTargetLength, detectorLengthMetres: 5,
        signalWindow: 10...100, muonsOnTarget: 1e11,
        citation: "Gninenko, Krasnikov, Matveev, CERN-SPSC-2019-002 (NA64mu proposal); window and exposure as in P. Foldenauer, 'Hidden photons in light of g-2' (2021)")

    /// The 2022 run of NA64mu (see the type's discussion).
    public static let run2022 = NA64muSetup(
        name: "NA64mu 2022", beamEnergy: 160, target: .lead, targetLengthCentimetres: leadTargetLength, detectorLengthMetres: 5,
        signalWindow: 10...80, muonsOnTarget: 1.98e10,
        citation: "Yu. M. Andreev et al. (NA64), Phys. Rev. Lett. 132 (2024) 211803, arXiv:2401.01708")

    /// The beam energies accepted, GeV.
    public static let beamEnergyRange: ClosedRange<Double> = 1...10_000
    /// The target lengths accepted, cm.
    public static let targetLengthRange: ClosedRange<Double> = 1e-4...1e4

    /// The setup checked: beam energy in ``beamEnergyRange``, target length in ``targetLengthRange``,
    /// a detector length in [0, 1e4] m, a window inside (0, beam energy], MOT in [1, 1e16], efficiency
    /// in (0, 1], excluded events > 0.
    ///
    /// - Throws: ``Problem`` naming the field and the value.
    public func validated() throws(Problem) -> NA64muSetup {
        try Validate.within(beamEnergy, Self.beamEnergyRange, .field("beam energy"))
        try Validate.within(targetLengthCentimetres, Self.targetLengthRange, .field("target length"))
        try Validate.within(detectorLengthMetres, 0...1e4, .field("detector length"))
        guard signalWindow.lowerBound.isFinite, signalWindow.upperBound.isFinite, signalWindow.lowerBound >= 0,
              signalWindow.lowerBound < signalWindow.upperBound, signalWindow.upperBound <= beamEnergy else {
            throw Problem.invalid(.field("signal window"), text: "\(signalWindow.lowerBound)-\(signalWindow.upperBound)",
                                  "must be a finite range 0 <= lower < upper <= beam energy \(beamEnergy) GeV")
        }
        try Validate.within(muonsOnTarget, 1...1e16, .field("muons on target"))
        guard signalEfficiency.isFinite, signalEfficiency > 0, signalEfficiency <= 1 else {
            throw Problem.invalid(.field("signal efficiency"), signalEfficiency, "must be finite, > 0 and <= 1")
        }
        try Validate.positive(excludedEvents, .field("excluded events"))
        return self
    }
}

/// The NA64mu yield of one parameter point: Z' per muon on target in the signal window, split by the
/// decay treatment of the seed formula (Foldenauer 2021, after Bjorken et al. 2009):
///
///     N = MOT (rho N_A/A) L_T Int_window dx d sigma/dx (BR_inv + BR_vis exp(-L_det/l(x))),
///
/// with l(x) = gamma beta c tau the lab decay length of a Z' of energy x E (thin target: the beam's
/// energy loss in the target is neglected). The window is on the outgoing muon, E_mu' = (1 - x) E.
public struct NA64muYield: Sendable, Hashable {
    /// The Z' mass, GeV.
    public let mass: Double
    /// The model's coupling (g_X, or eps).
    public let coupling: Double
    /// |eps^V_mu|^2 and |eps^A_mu|^2 (units of e).
    public let muonVectorSquared: Double
    /// |eps^A_mu|^2.
    public let muonAxialSquared: Double
    /// The production cross section in the window, cm^2 (before decays).
    public let crossSectionSquareCentimetres: Double
    /// Z' produced per MOT with the outgoing muon in the window (decays not applied).
    public let yieldPerMOT: Double
    /// BR_vis exp(-L_det/l) part: visibly decaying Z' that escape the detector, per MOT.
    public let visibleYieldPerMOT: Double
    /// BR_inv part, per MOT.
    public let invisibleYieldPerMOT: Double
    /// BR into invisible states (neutrinos and the dark sector).
    public let invisibleBranching: Double
    /// Expected signal events for the setup's MOT and efficiency.
    public let expectedEvents: Double
    /// Whether the expected events exceed the setup's excluded number.
    public var isExcluded: Bool { expectedEvents > excludedEvents }
    /// The excluded number of events of the setup.
    public let excludedEvents: Double
    /// Caveats.
    public let problems: [Problem]

    /// The signal yield per MOT with the decay treatment (visible + invisible).
    public var signalYieldPerMOT: Double { visibleYieldPerMOT + invisibleYieldPerMOT }
}

/// One bin of the outgoing-muon spectrum.
public struct SpectrumBin: Sendable, Hashable {
    /// The outgoing muon energy range, GeV.
    public let energy: ClosedRange<Double>
    /// Z' per MOT in the bin, decays not applied.
    public let produced: Double
    /// Z' per MOT in the bin with the decay treatment (invisible + escaping visible).
    public let signal: Double
}

/// NA64mu yields, spectra and expected exclusions for any model.
///
/// Couplings from ``CouplingCalculator`` (on shell, q^2 = m^2), branching ratios and lab decay
/// lengths from ``DecayCalculator``; the cross section from ``MuonBremsstrahlung`` (WW with the
/// angle-dependent t_min). The x integral uses a fixed composite Gauss-Legendre rule (12 panels of
/// 8 nodes, log-spaced in 1 - x), which agrees with the adaptive integral to 1e-5 (tested), so that
/// the decay factor and a coupling scan reuse one set of d sigma/dx values.
///
/// ```swift
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "Lmu-Ltau")!, mass: 0.05, coupling: 5e-4)
/// let na64 = try NA64muCalculator(point: point)
/// let y = try na64.yield()
/// print(y.yieldPerMOT, y.invisibleYieldPerMOT)   // about 2.3e-9 per MOT
/// ```
public struct NA64muCalculator: Sendable {
    /// The parameter point.
    public let point: ParameterPoint
    /// The setup.
    public let setup: NA64muSetup
    /// The couplings.
    public let couplings: CouplingCalculator
    /// The decays.
    public let decays: DecayCalculator

    /// Creates the calculator.
    ///
    /// - Throws: ``Problem`` for an invalid setup or point.
    public init(point: ParameterPoint, setup: NA64muSetup = .seedProposal) throws(Problem) {
        self.point = point
        self.setup = try setup.validated()
        couplings = try CouplingCalculator(point: point)
        decays = try DecayCalculator(couplings: couplings)
    }

    /// The x range of the signal window, clipped to the kinematic range.
    func windowFractions(_ brems: MuonBremsstrahlung) -> ClosedRange<Double>? {
        let e = setup.beamEnergy
        let lower = max(1 - setup.signalWindow.upperBound / e, brems.kinematicRange.lowerBound)
        let upper = min(1 - setup.signalWindow.lowerBound / e, brems.kinematicRange.upperBound)
        return lower < upper ? lower...upper : nil
    }

    /// Gauss-Legendre nodes and weights on [-1, 1] (8 points).
    static let legendre8: [(Double, Double)] = {
        var out: [(Double, Double)] = []
        let n = 8
        for i in 1...n {
            var z = cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = z
                for k in 2...n { let p2 = ((2 * Double(k) - 1) * z * p1 - (Double(k) - 1) * p0) / Double(k); p0 = p1; p1 = p2 }
                derivative = Double(n) * (z * p1 - p0) / (z * z - 1)
                let step = p1 / derivative
                z -= step
                if abs(step) < 1e-16 { break }
            }
            out.append((z, 2 / ((1 - z * z) * derivative * derivative)))
        }
        return out
    }()

    /// Nodes (x, weight) over `range`: 12 panels log-spaced in 1 - x (the spectrum of a heavy Z'
    /// rises towards x -> 1).
    static func nodes(over range: ClosedRange<Double>) -> [(x: Double, weight: Double)] {
        let a = Foundation.log(1 - range.upperBound), b = Foundation.log(1 - range.lowerBound)
        let panels = 12
        var out: [(x: Double, weight: Double)] = []
        for p in 0..<panels {
            let lo = a + (b - a) * Double(p) / Double(panels), hi = a + (b - a) * Double(p + 1) / Double(panels)
            for (z, w) in legendre8 {
                let y = 0.5 * (lo + hi) + 0.5 * (hi - lo) * z
                let oneMinus = Foundation.exp(y)
                out.append((1 - oneMinus, 0.5 * (hi - lo) * w * oneMinus))
            }
        }
        return out
    }

    /// The muon couplings squared (|eps^V|^2, |eps^A|^2) at `mass`, on shell.
    func muonCouplings(mass: Double, calculator: CouplingCalculator) throws(Problem) -> (vector: Double, axial: Double) {
        let c = try calculator.table(mass: mass)[.muon]
        return (c.vector.lengthSquared, c.axial.lengthSquared)
    }

    /// The yield at `mass` (default the point's).
    ///
    /// - Throws: ``Problem`` for a mass that cannot be radiated or invalid couplings.
    public func yield(mass: Double? = nil) throws(Problem) -> NA64muYield {
        let m = mass ?? point.mass
        let table = try prepare(mass: m)
        return try table.yield(calculator: couplings, decays: decays)
    }

    /// The outgoing-muon spectrum at the point's mass in `bins` equal bins from 0 to the beam energy.
    public func spectrum(bins: Int = 32) throws(Problem) -> [SpectrumBin] {
        guard bins >= 1, bins <= 1000 else { throw Problem.invalid(.field("bins"), Double(bins), "must be between 1 and 1000") }
        let brems = try MuonBremsstrahlung(beamEnergy: setup.beamEnergy, bosonMass: point.mass, target: setup.target)
        let (v, a) = try muonCouplings(mass: point.mass, calculator: couplings)
        let widths = try decays.widths(mass: point.mass)
        let branching = NA64muCalculator.invisibleBranching(widths)
        let factor = setup.target.nucleiPerCubicCentimetre * setup.targetLengthCentimetres * PhysicalConstants.gevMinus2InSquareCentimetres
        let e = setup.beamEnergy
        var out: [SpectrumBin] = []
        for i in 0..<bins {
            let lowE = e * Double(i) / Double(bins), highE = e * Double(i + 1) / Double(bins)
            let range = max(1 - highE / e, brems.kinematicRange.lowerBound)...min(1 - lowE / e, brems.kinematicRange.upperBound)
            var produced = 0.0, signal = 0.0
            if range.lowerBound < range.upperBound {
                for node in NA64muCalculator.nodes(over: range) {
                    let d = brems.differentialCrossSection(x: node.x, vector: v, axial: a) * node.weight * factor
                    produced += d
                    signal += d * (try NA64muCalculator.escapeFactor(widths: widths, invisibleBranching: branching, energy: node.x * e,
                                                                      detectorLength: setup.detectorLengthMetres))
                }
            }
            out.append(SpectrumBin(energy: lowE...highE, produced: produced, signal: signal))
        }
        return out
    }

    /// BR into neutrinos and the dark sector.
    static func invisibleBranching(_ widths: DecayWidths) -> Double {
        widths.branchingRatio(.neutrinos) + widths.branchingRatio(.invisible)
    }

    /// BR_inv + BR_vis exp(-L_det/l) at Z' energy `energy`.
    static func escapeFactor(widths: DecayWidths, invisibleBranching: Double, energy: Double, detectorLength: Double) throws(Problem) -> Double {
        let visible = max(0, 1 - invisibleBranching)
        return invisibleBranching + visible * (try survival(widths: widths, energy: energy, detectorLength: detectorLength))
    }

    /// exp(-L_det/l) at Z' energy `energy` (1 for a stable Z').
    static func survival(widths: DecayWidths, energy: Double, detectorLength: Double) throws(Problem) -> Double {
        guard widths.total > 0 else { return 1 }
        let length = try widths.labDecayLengthMetres(energy: max(energy, widths.mass))
        return Foundation.exp(-detectorLength / length)
    }

    /// d sigma/dx per unit |eps^V|^2 and per unit |eps^A|^2 on the window's nodes: computed once per
    /// mass, reused by a coupling scan.
    public struct PreparedMass: Sendable {
        /// The mass.
        public let mass: Double
        /// The setup.
        public let setup: NA64muSetup
        /// (x, weight, d sigma/dx vector, d sigma/dx axial).
        let nodes: [(x: Double, weight: Double, vector: Double, axial: Double)]

        /// The yield for the couplings of `calculator` (its coupling scale) at this mass.
        public func yield(calculator: CouplingCalculator, decays: DecayCalculator) throws(Problem) -> NA64muYield {
            let c = try calculator.table(mass: mass)[.muon]
            let v = c.vector.lengthSquared, a = c.axial.lengthSquared
            let widths = try decays.widths(mass: mass)
            let branching = NA64muCalculator.invisibleBranching(widths)
            var sigma = 0.0, escaping = 0.0
            for node in nodes {
                let d = (v * node.vector + a * node.axial) * node.weight
                sigma += d
                escaping += d * (try NA64muCalculator.survival(widths: widths, energy: node.x * setup.beamEnergy,
                                                                detectorLength: setup.detectorLengthMetres))
            }
            let sigmaCm2 = sigma * PhysicalConstants.gevMinus2InSquareCentimetres
            let perMOT = sigmaCm2 * setup.target.nucleiPerCubicCentimetre * setup.targetLengthCentimetres
            let visibleFraction = sigma > 0 ? max(0, 1 - branching) * escaping / sigma : 0
            let invisible = perMOT * branching
            let visible = perMOT * visibleFraction
            let expected = setup.muonsOnTarget * setup.signalEfficiency * (visible + invisible)
            var problems: [Problem] = []
            if a > 0 {
                problems.append(.note(.longitudinalEnhancement, .coupling, value: a.squareRoot(),
                                      "axial muon coupling: the cross section includes the longitudinal (m_mu/M)^2 term of the 2 -> 2 amplitude"))
            }
            for case let check in [sigmaCm2, perMOT, visible, invisible, expected] where !check.isFinite {
                throw Problem(.nonFiniteResult, parameter: .mass, value: Problem.format(mass), severity: .error, message: "the NA64mu yield is not finite here")
            }
            return NA64muYield(mass: mass, coupling: calculator.point.modelCoupling, muonVectorSquared: v, muonAxialSquared: a,
                               crossSectionSquareCentimetres: sigmaCm2, yieldPerMOT: perMOT, visibleYieldPerMOT: visible,
                               invisibleYieldPerMOT: invisible, invisibleBranching: branching, expectedEvents: expected,
                               excludedEvents: setup.excludedEvents, problems: problems + decays.problems(widths))
        }
    }

    /// The cross sections on the window's nodes at `mass`.
    ///
    /// - Throws: ``Problem`` when the mass cannot be radiated into the window.
    public func prepare(mass: Double) throws(Problem) -> PreparedMass {
        let brems = try MuonBremsstrahlung(beamEnergy: setup.beamEnergy, bosonMass: mass, target: setup.target)
        guard let window = windowFractions(brems) else {
            throw Problem.invalid(.mass, mass, "cannot be radiated with the outgoing muon in the signal window \(setup.signalWindow.lowerBound)-\(setup.signalWindow.upperBound) GeV")
        }
        let nodes = NA64muCalculator.nodes(over: window).map { node in
            (x: node.x, weight: node.weight, vector: brems.differentialCrossSection(x: node.x),
             axial: brems.differentialCrossSection(x: node.x, vector: 0, axial: 1))
        }
        return PreparedMass(mass: mass, setup: setup, nodes: nodes)
    }

    /// The model couplings excluded at `mass` by the setup (expected events above the excluded
    /// number), between `couplingRange` (default 1e-7...1): every sign change of
    /// ln(N/N_excl) on a 61-point log grid, refined by Brent's method in ln g.
    public func excludedCouplings(mass: Double, couplingRange: ClosedRange<Double> = 1e-7...1) throws(Problem) -> [ClosedRange<Double>] {
        let prepared = try prepare(mass: mass)
        let calc = couplings
        let excluded = setup.excludedEvents
        func margin(_ g: Double) -> Double {
            guard let c = try? calc.withModelCoupling(g), let d = try? DecayCalculator(couplings: c, hadronicData: decays.hadronicData),
                  let y = try? prepared.yield(calculator: c, decays: d), y.expectedEvents > 0 else { return -50 }
            return Foundation.log(y.expectedEvents / excluded)
        }
        return try CouplingIntervals.solve(range: couplingRange, margin: margin)
    }
}
