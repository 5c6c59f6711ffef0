import Foundation
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeModels

/// Partial widths, branching ratios and lifetimes of a Z' from its couplings.
///
/// Channels (see ``DecayChannel``), all at tree level in the Z' coupling, widths in GeV:
/// - Fermion pairs (leptons; heavy quarks times the QCD factor):
///   Gamma = N_c m/(12 pi) beta [|g_V|^2 (1 + 2 mu^2) + |g_A|^2 beta^2], mu = m_f/m,
///   beta^2 = 1 - 4 mu^2 formed as (m - 2 m_f)(m + 2 m_f)/m^2 so that it is exact at threshold
///   (m = 2 m_f gives exactly 0).
/// - Neutrinos: every light Weyl state of chiral coupling g contributes g^2 m/(24 pi); with the
///   stored eps^V, eps^A this is m/(12 pi)(|g_V|^2 + |g_A|^2) per flavour (``LightNeutrinos``).
/// - Three photons through the electron loop, for m <= 2 m_e and the vector electron coupling only
///   (an axial current is C-even and cannot go to 3 photons):
///   Gamma = |g_V,e|^2 e^6/(4 pi)^4 m^9/(2^7 3^6 5^2 pi^3 m_e^8) [17/5 + (67/42) r^2 + (128941/246960) r^4],
///   r = m/m_e: the leading term 17 alpha^3 alpha' m^9/(2^7 3^6 5^3 pi^3 m_e^8) of Pospelov, Ritz,
///   Voloshin (arXiv:0811.1030) with the higher orders of the expansion DarkCast v2.1 uses
///   (DarkCastData/manifest.json, width_model.three_photon).
/// - Hadrons below 1.8 GeV: the VMD method of Ilten, Soreq, Williams, Xue (arXiv:1801.04847, eq. 2.9
///   and fig. 1): Gamma_F = m/(12 pi) [sum_V |R_V Tr(T_V Q)|^2 R^{F,V}(m) + 2 Re(a_omega a_phi^*)
///   R^{F,omega-phi}(m)], Q = diag(g_V,u, g_V,d, g_V,s), R^{F,V} the data-driven grids. Axial couplings
///   (Baruch et al., arXiv:2206.08563): Gamma_A = m/(4 pi) {|g_A,u - g_A,d|^2 a_1(m) +
///   theta(m - 2 m_K) |g_A,s|^2 [a_1/4 + a_1^s - cphi sqrt(a_1 a_1^s)]}; no isoscalar axial term
///   (DarkCast has no data for it).
/// - Hadrons above 2 GeV: massless u, d, s pairs times the QCD factor K(alpha_s(m), n_f)
///   (``PerturbativeQCD``) plus the singlet term; c and b pairs from the open-flavour thresholds
///   2 m_D0 and 2 m_B+ with the meson mass in the kinematic factor, t with its pole mass, times K;
///   the narrow J/psi, psi(2S), Upsilon(1S, 2S, 3S) as Breit-Wigner resonances of the c and b
///   vector couplings in the c and b channels (``HeavyQuarkHadrons``).
/// - Between 1.8 and 2.0 GeV the VMD and perturbative light-quark widths are blended with the
///   C^1 weight w = 3t^2 - 2t^3, t = (m - 1.8 GeV)/(0.2 GeV). The VMD grids end at 2 GeV; DarkCast
///   freezes them there, ZPrime hands over to QCD (docs/couplings-and-decays.md).
///
/// ```swift
/// let couplings = try CouplingCalculator(model: BuiltinModels.model(named: "B-L")!, gaugeCoupling: 1e-4)
/// let decays = try DecayCalculator(couplings: couplings)
/// let w = try decays.widths(mass: 0.5)
/// print(w.branchingRatio(.electron), w.lifetimeSeconds)
/// ```
public struct DecayCalculator: Sendable {
    /// The couplings.
    public let couplings: CouplingCalculator
    /// The dark sector (by default the couplings' parameter point's).
    public let invisibleWidth: DarkSector
    /// The hadronic data.
    public let hadronicData: HadronicData
    /// The strong coupling.
    public let strongCoupling: StrongCoupling

    /// Below this mass (GeV) the hadronic width is pure VMD.
    public static let transitionStart = 1.8
    /// Above this mass (GeV) the light-quark hadronic width is pure perturbative QCD.
    public static let transitionEnd = 2.0

    // Precomputed per-meson factors R_V T_V,q (rho, omega, phi) and the channel grids, flattened so
    // that the per-mass loop does no dictionary look-ups.
    private let mesonWeights: [(u: Double, d: Double, s: Double)]
    private let channelGrids: [(rho: UniformGrid?, omega: UniformGrid?, phi: UniformGrid?, omegaPhi: UniformGrid?)]

    private static let leptons: [(DecayChannel, CouplingTarget, Double)] = [
        (.electron, .electron, PhysicalConstants.electronMass), (.muon, .muon, PhysicalConstants.muonMass), (.tau, .tau, PhysicalConstants.tauMass),
    ]
    private static let neutrinoFlavours: [(DecayChannel, CouplingTarget)] = [
        (.electronNeutrinos, .electronNeutrino), (.muonNeutrinos, .muonNeutrino), (.tauNeutrinos, .tauNeutrino),
    ]
    private static let heavyQuarks: [(DecayChannel, CouplingTarget, Double)] = [
        (.charm, .charm, HeavyQuarkHadrons.openCharmMesonMass), (.bottom, .bottom, HeavyQuarkHadrons.openBottomMesonMass), (.top, .top, PhysicalConstants.topMass),
    ]
    /// e^6/(4 pi)^4/(2^7 3^6 5^2 pi^3), the three-photon prefactor.
    private static let threePhotonPrefactor: Double = {
        let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
        return e2 * e2 * e2 / pow(4 * Double.pi, 4) / (128.0 * 729.0 * 25.0 * Double.pi * Double.pi * Double.pi)
    }()

    /// Creates a calculator; the dark sector defaults to the point's, the hadronic data to the
    /// bundled DarkCast grids.
    public init(couplings: CouplingCalculator, invisibleWidth: DarkSector? = nil,
                hadronicData: HadronicData? = nil, strongCoupling: StrongCoupling = .standard) throws(Problem) {
        self.couplings = couplings
        self.invisibleWidth = try (invisibleWidth ?? couplings.point.darkSector).validated()
        let data: HadronicData
        if let hadronicData { data = hadronicData } else { data = try HadronicData.bundled() }
        self.hadronicData = data
        self.strongCoupling = strongCoupling
        mesonWeights = VectorMeson.allCases.map { meson in
            let r = data.prefactors[meson]!, t = data.generators[meson]!
            return (r * t.u, r * t.d, r * t.s)
        }
        channelGrids = data.channels.map { ($0.components[.rho], $0.components[.omega], $0.components[.phi], $0.omegaPhiInterference) }
    }

    /// `count` masses log-spaced from `lower` to `upper` inclusive (GeV); see ``Grid/logSpaced(from:to:count:parameter:)``.
    public static func logSpacedMasses(from lower: Double, to upper: Double, count: Int) throws(Problem) -> [Double] {
        try Grid.logSpaced(from: lower, to: upper, count: count, parameter: .massRange)
    }

    /// The widths at `mass` (GeV) with the on-shell couplings (exact mixing at m, loop at q^2 = m^2).
    ///
    /// - Throws: ``Problem`` for a non-finite or non-positive mass, or a mass without a Z'
    ///   eigenstate (see ``GaugeBosonMixing``).
    public func widths(mass: Double) throws(Problem) -> DecayWidths {
        guard mass.isFinite, mass > 0 else { throw Problem.invalid(.mass, mass, "must be finite and > 0") }
        return widths(mass: mass, couplings: try couplings.table(mass: mass))
    }

    /// The widths at the couplings' own mass (the parameter point's).
    public func widths(couplings table: CouplingTable) throws(Problem) -> DecayWidths {
        guard table.mass.isFinite, table.mass > 0 else { throw Problem.invalid(.mass, table.mass, "must be finite and > 0") }
        return widths(mass: table.mass, couplings: table)
    }

    /// The caveats of `widths` (its own ``DecayWidths/problems``) plus those that need the point: a
    /// Z' of a quark-charged model without kinetic mixing below the pi0 gamma threshold has no
    /// tree-level decay at all (U(1)_B), and the note says how to add the loop-induced mixing.
    public func problems(_ widths: DecayWidths) -> [Problem] {
        var list = couplings.problems(mass: widths.mass) + widths.problems
        let point = couplings.point
        let quarkCharged = [StandardModelSpecies.Q, .U, .D].contains { species in point.model.charges(of: species).contains { $0 != .zero } }
        if widths.total == 0, quarkCharged, point.kineticMixing == .none, point.loopMixing != .estimate,
           widths.mass < PhysicalConstants.neutralPionMass {
            list.append(.note(.noOpenChannel, .loopMixing, value: nil,
                              "below the pi0 gamma threshold a quark-only Z' needs kinetic mixing to decay; the loop-induced estimate eps = e g_X/(16 pi^2) is available as the 'estimate' loop mixing"))
        }
        return list
    }

    /// The widths at each of `masses`.
    public func widths(masses: [Double]) throws(Problem) -> [DecayWidths] {
        var results: [DecayWidths] = []
        results.reserveCapacity(masses.count)
        guard couplings.isFlavourDiagonal else {
            for m in masses { results.append(try widths(mass: m)) }
            return results
        }
        // A flavour-diagonal calculator: one buffer of diagonal couplings reused across the masses
        // (no coupling table, and no array, built per mass).
        var diagonal = couplings.zeroDiagonal()
        for m in masses {
            guard m.isFinite, m > 0 else { throw Problem.invalid(.mass, m, "must be finite and > 0") }
            _ = couplings.fillDiagonal(mixing: try couplings.mixing(bosonMass: m), squaredMomentum: m * m, into: &diagonal)
            results.append(widths(mass: m, diagonal: diagonal, table: nil))
        }
        return results
    }

    /// The widths at `mass` (GeV, finite, > 0) for given couplings (their Standard Model entries,
    /// and every other pair of the particle table in ``DecayChannel/exotic`` or
    /// ``DecayChannel/invisible``).
    public func widths(mass m: Double, couplings c: CouplingTable) -> DecayWidths {
        widths(mass: m, diagonal: c.matrix.diagonal, table: c)
    }

    /// The widths from the diagonal couplings of the calculator's particle table (`table`, when
    /// given, supplies any further pairs).
    func widths(mass m: Double, diagonal values: [ComplexChiralCoupling], table c: CouplingTable?) -> DecayWidths {
        let e = PhysicalConstants.elementaryCharge
        let e2 = e * e
        var w = [Double](repeating: 0, count: DecayChannel.caseCount)

        // Charged leptons.
        for (channel, target, mf) in Self.leptons {
            let k = values[target.ordinal]
            w[channel.ordinal] = Self.fermionPair(mass: m, fermionMass: mf, vectorSquared: e2 * k.vectorMagnitudeSquared,
                                                  axialSquared: e2 * k.axialMagnitudeSquared, colours: 1)
        }

        // Neutrinos (massless).
        let neutrinoFactor = m / (12 * Double.pi) * e2
        var neutrinos = 0.0
        for (channel, target) in Self.neutrinoFlavours {
            let k = values[target.ordinal]
            let width = neutrinoFactor * (k.vectorMagnitudeSquared + k.axialMagnitudeSquared)
            w[channel.ordinal] = width
            neutrinos += width
        }
        var sterile = 0.0
        for i in ParticleTable.standardModelCount..<values.count where (c?.particles ?? couplings.particles)[i].kind == .sterileNeutrino {
            let k = values[i]
            sterile += neutrinoFactor * (k.vectorMagnitudeSquared + k.axialMagnitudeSquared)
        }
        w[DecayChannel.sterileNeutrinos.ordinal] = sterile
        w[DecayChannel.neutrinos.ordinal] = neutrinos + sterile

        // Three photons.
        let me = PhysicalConstants.electronMass
        if m <= 2 * me {
            let gV2 = e2 * values[CouplingTarget.electron.ordinal].vectorMagnitudeSquared
            let r = m / me
            let r2 = r * r
            let r8 = (r2 * r2) * (r2 * r2)
            let series = 17.0 / 5.0 + 67.0 / 42.0 * r2 + 128941.0 / 246960.0 * r2 * r2
            w[DecayChannel.photons.ordinal] = Self.threePhotonPrefactor * gV2 * m * r8 * series
        }

        // Hadrons.
        let weight = Self.perturbativeWeight(mass: m)
        let regime: HadronicRegime = weight == 0 ? .vectorMesonDominance : (weight == 1 ? .perturbative : .transition(weight: weight))
        var hadrons = 0.0
        let u = values[CouplingTarget.up.ordinal], d = values[CouplingTarget.down.ordinal], s = values[CouplingTarget.strange.ordinal]
        let ur = u.real, ui = u.imaginary, dr = d.real, di = d.imaginary, sr = s.real, si = s.imaginary
        if weight < 1 {
            let vmd = 1 - weight
            // Vector part: a_V = R_V Tr[T_V Q] with complex Q (absolute couplings e eps^V).
            func amplitude(_ t: (u: Double, d: Double, s: Double)) -> (Double, Double) {
                (e * (t.u * ur.vector + t.d * dr.vector + t.s * sr.vector), e * (t.u * ui.vector + t.d * di.vector + t.s * si.vector))
            }
            let rho = amplitude(mesonWeights[0]), omega = amplitude(mesonWeights[1]), phi = amplitude(mesonWeights[2])
            let rho2 = rho.0 * rho.0 + rho.1 * rho.1
            let omega2 = omega.0 * omega.0 + omega.1 * omega.1
            let phi2 = phi.0 * phi.0 + phi.1 * phi.1
            let interference = 2 * (omega.0 * phi.0 + omega.1 * phi.1)
            let factor = vmd * m / (12 * Double.pi)
            for (index, grids) in channelGrids.enumerated() {
                var r = 0.0
                if let grid = grids.rho, rho2 != 0 { r += rho2 * grid.value(at: m) }
                if let grid = grids.omega, omega2 != 0 { r += omega2 * grid.value(at: m) }
                if let grid = grids.phi, phi2 != 0 { r += phi2 * grid.value(at: m) }
                if let grid = grids.omegaPhi, interference != 0 { r += interference * grid.value(at: m) }
                let width = factor * r
                w[DecayChannel.exclusiveHadronic[index].ordinal] = width
                hadrons += width
            }
            // Axial part.
            let isoRe = ur.axial - dr.axial, isoIm = ui.axial - di.axial
            let isovector2 = e2 * (isoRe * isoRe + isoIm * isoIm)
            let strange2 = e2 * (sr.axial * sr.axial + si.axial * si.axial)
            if isovector2 > 0 || strange2 > 0 {
                let a1 = hadronicData.axialIsovector.value(at: m)
                var axial = isovector2 * a1
                if m > hadronicData.strangeAxialThreshold && strange2 > 0 {
                    let a1s = hadronicData.axialStrange.value(at: m)
                    axial += strange2 * (a1 / 4 + a1s - hadronicData.axialPhase * (a1 * a1s).squareRoot())
                }
                let width = vmd * m / (4 * Double.pi) * axial
                w[DecayChannel.axialHadrons.ordinal] = width
                hadrons += width
            }
        }
        if weight > 0 || m > 2 * PhysicalConstants.charmPoleMass {
            let alphaS = strongCoupling(m)
            let flavoursActive = StrongCoupling.activeFlavours(at: m)
            let k = PerturbativeQCD.nonSingletFactor(alphaS: alphaS, flavours: flavoursActive)
            var singletSumRe = 0.0, singletSumIm = 0.0
            if weight > 0 {
                let light = 3 * m / (12 * Double.pi) * e2 * (u.vectorMagnitudeSquared + u.axialMagnitudeSquared + d.vectorMagnitudeSquared
                    + d.axialMagnitudeSquared + s.vectorMagnitudeSquared + s.axialMagnitudeSquared)
                singletSumRe = e * (ur.vector + dr.vector + sr.vector)
                singletSumIm = e * (ui.vector + di.vector + si.vector)
                w[DecayChannel.lightQuarks.ordinal] = weight * light * k
            }
            for (channel, target, mq) in Self.heavyQuarks where m > 2 * mq {
                let q = values[target.ordinal]
                w[channel.ordinal] = k * Self.fermionPair(mass: m, fermionMass: mq, vectorSquared: e2 * q.vectorMagnitudeSquared,
                                                          axialSquared: e2 * q.axialMagnitudeSquared, colours: 3)
                singletSumRe += e * q.real.vector
                singletSumIm += e * q.imaginary.vector
                hadrons += w[channel.ordinal]
            }
            let resonances = HeavyQuarkHadrons.resonanceWidths(mass: m, charmVectorSquared: e2 * values[CouplingTarget.charm.ordinal].vectorMagnitudeSquared,
                                                                bottomVectorSquared: e2 * values[CouplingTarget.bottom.ordinal].vectorMagnitudeSquared)
            w[DecayChannel.charm.ordinal] += weight * resonances.charm
            w[DecayChannel.bottom.ordinal] += weight * resonances.bottom
            hadrons += weight * (resonances.charm + resonances.bottom)
            if weight > 0 {
                let singlet = weight * m / (12 * Double.pi) * PerturbativeQCD.singletCoefficient(alphaS: alphaS)
                    * (singletSumRe * singletSumRe + singletSumIm * singletSumIm)
                w[DecayChannel.lightQuarks.ordinal] += singlet
                hadrons += w[DecayChannel.lightQuarks.ordinal]
            }
        }
        w[DecayChannel.hadrons.ordinal] = hadrons

        // Every other pair of the particle table.
        var pairs: [PairWidth] = []
        if let c, c.particles.count > ParticleTable.standardModelCount || !c.matrix.isDiagonal {
            pairs = Self.otherPairs(mass: m, couplings: c, alphaS: strongCoupling(max(m, 1)))
            for pair in pairs { w[pair.channel.ordinal] += pair.width }
        }

        // Dark sector.
        switch invisibleWidth {
        case .none: break
        case .fixed(let width): w[DecayChannel.invisible.ordinal] += width
        case .darkFermion(let coupling, let mass):
            w[DecayChannel.invisible.ordinal] += Self.fermionPair(mass: m, fermionMass: mass, vectorSquared: coupling * coupling, axialSquared: 0, colours: 1)
        case .visibleMultiple(let factor):
            let visible = w[DecayChannel.electron.ordinal] + w[DecayChannel.muon.ordinal] + w[DecayChannel.tau.ordinal]
                + w[DecayChannel.hadrons.ordinal] + w[DecayChannel.photons.ordinal] + w[DecayChannel.exotic.ordinal]
            w[DecayChannel.invisible.ordinal] += factor * visible
        }
        return DecayWidths(mass: m, values: w, hadronicRegime: regime, pairs: pairs)
    }

    /// The widths of the pairs the Standard Model block above does not cover: diagonal entries of
    /// states beyond the twelve SM fermions (light sterile neutrinos are counted in
    /// ``DecayChannel/sterileNeutrinos`` there) and every off-diagonal entry.
    ///
    /// For psibar_i gamma^mu (v + a gamma^5) psi_j + h.c. with g_L = e (v - a), g_R = e (v + a):
    ///
    ///     Gamma(Z' -> f_i fbar_j) = N_c lambda^(1/2)(m^2, m_i^2, m_j^2) / (24 pi m^3)
    ///         [ (|g_L|^2 + |g_R|^2) (m^2 - (m_i^2 + m_j^2)/2 - (m_i^2 - m_j^2)^2/(2 m^2)) + 6 m_i m_j Re(g_L g_R^*) ],
    ///
    /// which for i = j reduces to N_c m beta [|g_V|^2 (1 + 2 mu^2) + |g_A|^2 beta^2]/(12 pi); for i != j
    /// both charge orderings (f_i fbar_j and f_j fbar_i) are open and the pair width is twice it.
    /// Quark pairs are perturbative (K factor) and counted only above 2 GeV, where the hadronic width
    /// is perturbative; pairs of (light or sterile) neutrinos count in ``DecayChannel/neutrinos``,
    /// other pairs of invisible states (dark fermions) in ``DecayChannel/invisible``, everything else
    /// in ``DecayChannel/exotic``. Majorana states are counted like Weyl fermions (their couplings
    /// are those of one Weyl field, see ``ChiralCouplingMatrix``), which is exact for massless states.
    static func otherPairs(mass m: Double, couplings c: CouplingTable, alphaS: Double) -> [PairWidth] {
        let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
        let particles = c.particles
        var result: [PairWidth] = []
        func add(_ i: Int, _ j: Int, _ coupling: ComplexChiralCoupling) {
            let a = particles[i], b = particles[j]
            guard m > a.mass + b.mass, !coupling.isZero else { return }
            if a.isQuark && m < transitionEnd { return }
            let gL2 = e2 * coupling.leftMagnitudeSquared, gR2 = e2 * coupling.rightMagnitudeSquared
            let left = coupling.left, right = coupling.right
            let interference = e2 * (left.real * right.real + left.imaginary * right.imaginary)
            // lambda(m^2, m_i^2, m_j^2) as a product of mass differences: no cancellation near threshold.
            let lambda = (m - a.mass - b.mass) * (m + a.mass + b.mass) * (m - a.mass + b.mass) * (m + a.mass - b.mass)
            guard lambda > 0 else { return }
            let m2 = m * m
            let sum = a.mass * a.mass + b.mass * b.mass, difference = (a.mass - b.mass) * (a.mass + b.mass)
            let bracket = (gL2 + gR2) * (m2 - sum / 2 - difference * difference / (2 * m2)) + 6 * a.mass * b.mass * interference
            var width = Double(a.colours) * lambda.squareRoot() / (24 * Double.pi * m2 * m) * bracket
            if i != j { width *= 2 }
            if a.isQuark { width *= PerturbativeQCD.nonSingletFactor(alphaS: alphaS, flavours: StrongCoupling.activeFlavours(at: m)) }
            guard width > 0 else { return }
            let channel: DecayChannel
            if a.isNeutrinoLike && b.isNeutrinoLike {
                channel = .neutrinos
            } else if a.isInvisible && b.isInvisible {
                channel = .invisible
            } else {
                channel = .exotic
            }
            result.append(PairWidth(particles: (a.name, b.name), width: width, channel: channel))
        }
        for i in ParticleTable.standardModelCount..<particles.count where particles[i].kind != .sterileNeutrino {
            add(i, i, c.matrix.diagonal[i])
        }
        for entry in c.matrix.offDiagonal { add(entry.row, entry.column, entry.coupling) }
        return result
    }

    /// Gamma(Z' -> f fbar) = N_c m/(12 pi) beta [g_V^2 (1 + 2 mu^2) + g_A^2 beta^2] (absolute couplings
    /// squared), zero at and below threshold.
    public static func fermionPair(mass m: Double, fermionMass mf: Double, vectorSquared: Double, axialSquared: Double, colours: Int) -> Double {
        guard m > 2 * mf else { return 0 }
        let betaSquared = (m - 2 * mf) * (m + 2 * mf) / (m * m)
        let muSquared = (mf / m) * (mf / m)
        return Double(colours) * m / (12 * Double.pi) * betaSquared.squareRoot() * (vectorSquared * (1 + 2 * muSquared) + axialSquared * betaSquared)
    }

    /// The perturbative share w(m) of the light-quark hadronic width: 0 below 1.8 GeV, 1 above
    /// 2.0 GeV, 3t^2 - 2t^3 in between.
    public static func perturbativeWeight(mass m: Double) -> Double {
        if m <= transitionStart { return 0 }
        if m >= transitionEnd { return 1 }
        let t = (m - transitionStart) / (transitionEnd - transitionStart)
        return t * t * (3 - 2 * t)
    }
}
