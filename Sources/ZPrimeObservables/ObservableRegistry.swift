import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays

/// The observables ZPrime predicts for every parameter point, as named, cited values.
///
/// | name | observable |
/// | --- | --- |
/// | `delta_a_e`, `delta_a_mu`, `delta_a_tau` | one-loop Delta a_l, with the coupling band of the chosen dataset |
/// | `eps_p`, `eps_n` | nucleon vector couplings (units of e, q^2 = 0) |
/// | `br_ee` | BR(Z' -> e+e-) at the point's mass |
/// | `x17_8be_ratio` | Gamma(8Be* -> 8Be X)/Gamma(8Be* -> 8Be gamma), 18.15 MeV, isospin conserved |
/// | `x17_8be_signal_ratio` | the same times BR(X -> e+e-): what ATOMKI measure, with its coupling band |
/// | `x17_8be_ratio_isospin_mixed` | the 18.15 MeV ratio with the isospin mixing of Hati et al. |
/// | `x17_8be_17_64_ratio` | the isovector 17.64 MeV line |
/// | `x17_4he_kinematic_ratio` | the 4He(21.01) kinematic analogue |
/// | `apv_delta_qw_cs` | the shift of the Cs weak charge, bounded by 0.71 |
/// | `e158_delta_qw_e`, `e158_eps_v_eps_a` | Moller scattering |
/// | `nu_e_scattering_delta_g_L_nu_X`, `..._delta_g_R_nu_X` | shifts of the nu-e chiral couplings at the stated electron recoil |
/// | `cevns_cs133_shift_nu_X` | Q_W(133Cs) relative shift at the stated nuclear recoil |
public enum ObservableRegistry {
    /// Every observable, in report order.
    public static let standard: [Observable] = leptonMoments + nucleonsAndDecays + x17 + parityViolation + neutrinoScattering

    /// The observable called `name`, or nil.
    public static func observable(named name: String) -> Observable? { standard.first { $0.name == name } }

    /// The observables of `point`: ``standard``, plus ``vectorLikeLeptons`` for a model with the
    /// vector-like-lepton spectrum and its parameters.
    public static func registry(for point: ParameterPoint) -> [Observable] {
        point.model.spectrum == .vectorLikeLeptons && !point.modelParameters.isEmpty ? standard + vectorLikeLeptons : standard
    }

    static let leveille = "J. P. Leveille, Nucl. Phys. B137 (1978) 63"
    static let jegerlehner = "F. Jegerlehner, A. Nyffeler, Phys. Rept. 477 (2009) 1"
    static let feng = "J. L. Feng et al., Phys. Rev. Lett. 117 (2016) 071803; Phys. Rev. D 95 (2017) 035017"
    static let hati = "C. Hati, J. Kriewald, J. Orloff, A. M. Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028"
    static let bouchiat = "C. Bouchiat, P. Fayet, Phys. Lett. B 608 (2005) 87"
    static let e158 = "P. L. Anthony et al. (SLAC E158), Phys. Rev. Lett. 95 (2005) 081601"
    static let neutrinoScatteringTheory = "P. Vogel, J. Engel, Phys. Rev. D 39 (1989) 3378; C. Boehm et al., arXiv:2006.11225"
    static let cevnsTheory = "D. Z. Freedman, Phys. Rev. D 9 (1974) 1389; J. D. Lewin, P. F. Smith, Astropart. Phys. 6 (1996) 87"

    // MARK: Lepton g-2

    static let leptonMoments: [Observable] = ChargedLepton.allCases.map { lepton in
        let symbol = lepton == .electron ? "e" : (lepton == .muon ? "\\mu" : "\\tau")
        return Observable(
            name: "delta_a_\(lepton.rawValue)", latexName: "\\Delta a_{\(symbol)}",
            description: "one-loop Z' contribution to a_\(lepton.rawValue) = (g-2)/2 (flavour-diagonal loop)",
            citations: [leveille, jegerlehner]
        ) { (context: ObservableContext) throws(Problem) -> Prediction in
            if MassBasisMoment.isNeeded(for: lepton, table: context.couplings) { return try massBasisMoment(lepton, context) }
            let couplings = context.staticCouplings
            let m = context.point.mass
            let value = try AnomalousMagneticMoment.deltaA(lepton, couplings: couplings, bosonMass: m)
            var problems: [Problem] = []
            // A light Z' (m < m_l) with an axial coupling: the axial loop grows like (g_A m_l/m_Z')^2 from
            // the longitudinal mode. Flag it when that piece is at least 1 % of the vector piece.
            let c = couplings[lepton.couplingTarget]
            if c.axial != 0 && m < lepton.mass {
                let e2 = PhysicalConstants.elementaryCharge * PhysicalConstants.elementaryCharge
                let loop = try LeveilleLoopFunctions(leptonMass: lepton.mass, bosonMass: m, internalMass: lepton.mass)
                let axialPart = abs(e2 * c.axial * c.axial * loop.axial), vectorPart = abs(e2 * c.vector * c.vector * loop.vector)
                if axialPart >= 0.01 * vectorPart {
                    problems.append(.warning(.longitudinalEnhancement, .mass, value: m,
                                             "the axial coupling of the \(lepton.rawValue) to a Z' lighter than it gives Delta a ~ -(g_A m_l/m_Z')^2/(4 pi^2) from the longitudinal mode (here \(axialPart) against \(vectorPart) from the vector part): the result depends on how the Z' gets its mass and is not reliable"))
                }
            }
            guard lepton != .tau else { return try Prediction(name: "delta_a_tau", value: value, problems: problems) }
            let dataset = try context.inputs.dataset(lepton, named: lepton == .muon ? context.point.datasets.muon : context.point.datasets.electron)
            let band = try CouplingBand(valueAtUnitScale: value, dataset: dataset, sigmas: context.settings.sigmas)
            let measurement = Measurement(id: dataset.name, value: dataset.delta, uncertainty: dataset.uncertainty, date: dataset.date,
                                          citation: dataset.citations.joined(separator: "; "))
            return try Prediction(name: "delta_a_\(lepton.rawValue)", value: value, measurement: measurement, band: band, problems: problems)
        }
    }

    // MARK: Nucleons and decays

    static let nucleonsAndDecays: [Observable] = [
        Observable(name: "eps_p", latexName: "\\epsilon_p", description: "proton vector coupling, 2 eps_u + eps_d (units of e, q^2 = 0)",
                   citations: [feng]) { (context: ObservableContext) throws(Problem) -> Prediction in
            try Prediction(name: "eps_p", value: context.couplings.proton.vector.real)
        },
        Observable(name: "eps_n", latexName: "\\epsilon_n", description: "neutron vector coupling, eps_u + 2 eps_d (units of e, q^2 = 0)",
                   citations: [feng]) { (context: ObservableContext) throws(Problem) -> Prediction in
            try Prediction(name: "eps_n", value: context.couplings.neutron.vector.real)
        },
        Observable(name: "br_ee", latexName: "\\mathrm{BR}(Z' \\to e^+e^-)", description: "branching ratio of the Z' into e+e- at its mass",
                   citations: ["A. Ilten, Y. Soreq, M. Williams, W. Xue, JHEP 06 (2018) 004, arXiv:1801.04847"]) { (context: ObservableContext) throws(Problem) -> Prediction in
            var problems: [Problem] = []
            if context.decays.total == 0 {
                problems.append(.warning(.noOpenChannel, .mass, value: context.point.mass, "no open decay channel: BR(e+e-) is 0"))
            }
            return try Prediction(name: "br_ee", value: context.decays.branchingRatio(.electron), problems: problems)
        },
    ]

    // MARK: X17

    static let x17: [Observable] = [
        Observable(name: "x17_8be_ratio", latexName: "\\Gamma_X/\\Gamma_\\gamma\\,(^8\\mathrm{Be}^*_{18.15})",
                   description: "8Be(18.15) -> 8Be X over 8Be gamma, isospin conserved: (eps_p + eps_n)^2 [1 - (m/18.15 MeV)^2]^(3/2), before X -> e+e-",
                   citations: [feng]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let nucleons = NucleonCouplings(context.staticCouplings)
            return try Prediction(name: "x17_8be_ratio", value: try X17.rateRatio(.beryllium18, bosonMass: context.point.mass, nucleons: nucleons))
        },
        Observable(name: "x17_8be_signal_ratio", latexName: "\\Gamma_X/\\Gamma_\\gamma \\times \\mathrm{BR}(X \\to e^+e^-)",
                   description: "the 8Be(18.15) ratio times BR(X -> e+e-), compared with ATOMKI's 6(1)e-6; its band is the coupling scale that reproduces it",
                   citations: [feng, "A. J. Krasznahorkay et al., Acta Phys. Pol. B 50 (2019) 675"]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let nucleons = NucleonCouplings(context.staticCouplings)
            let m = context.point.mass
            let ratio = try X17.rateRatio(.beryllium18, bosonMass: m, nucleons: nucleons)
            let branching = context.decays.branchingRatio(.electron)
            let measured = context.inputs.x17.beryllium18Ratio
            var band: CouplingBand? = nil
            var problems: [Problem] = []
            if X17.phaseSpace(bosonMass: m, transition: .beryllium18) > 0 && branching > 0 {
                band = try X17.couplingRegion(nucleons: nucleons, bosonMass: m, measurement: measured, sigmas: context.settings.sigmas,
                                              electronBranchingRatio: branching)
            } else if X17.phaseSpace(bosonMass: m, transition: .beryllium18) > 0 {
                problems.append(.note(.noOpenChannel, .mass, value: m, "BR(X -> e+e-) = 0: the model cannot produce the ATOMKI e+e- signal"))
            }
            return try Prediction(name: "x17_8be_signal_ratio", value: ratio * branching, measurement: measured, band: band,
                                  details: ["br_ee": branching], problems: problems)
        },
        Observable(name: "x17_8be_ratio_isospin_mixed", latexName: "\\Gamma_X/\\Gamma_\\gamma\\,(\\text{isospin mixed})",
                   description: "the 18.15 MeV ratio with isospin mixing as Hati et al. state it: |0.05 (eps_p + eps_n) + 0.95 (eps_p - eps_n)|^2 [...]^(3/2)",
                   citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let nucleons = NucleonCouplings(context.staticCouplings)
            return try Prediction(name: "x17_8be_ratio_isospin_mixed",
                                  value: try X17.rateRatio(.beryllium18, bosonMass: context.point.mass, nucleons: nucleons, isospin: .isospinMixed))
        },
        Observable(name: "x17_8be_17_64_ratio", latexName: "\\Gamma_X/\\Gamma_\\gamma\\,(^8\\mathrm{Be}^*_{17.64})",
                   description: "8Be(17.64), isovector: (eps_p - eps_n)^2 [1 - (m/17.64 MeV)^2]^(3/2)",
                   citations: [feng]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let nucleons = NucleonCouplings(context.staticCouplings)
            return try Prediction(name: "x17_8be_17_64_ratio", value: try X17.rateRatio(.beryllium17, bosonMass: context.point.mass, nucleons: nucleons))
        },
        Observable(name: "x17_4he_kinematic_ratio", latexName: "(\\epsilon_p+\\epsilon_n)^2[1-(m/21.01\\,\\mathrm{MeV})^2]^{3/2}",
                   description: "4He(21.01): a kinematic analogue only (a vector cannot drive 0- -> 0+ alone)",
                   citations: ["J. L. Feng, T. M. P. Tait, C. B. Verhaaren, Phys. Rev. D 102 (2020) 036016, arXiv:2006.01151"]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let nucleons = NucleonCouplings(context.staticCouplings)
            return try Prediction(name: "x17_4he_kinematic_ratio", value: try X17.rateRatio(.helium21, bosonMass: context.point.mass, nucleons: nucleons))
        },
    ]

    // MARK: Parity violation

    static let parityViolation: [Observable] = [
        Observable(name: "apv_delta_qw_cs", latexName: "\\Delta Q_W(^{133}\\mathrm{Cs})",
                   description: "shift of the cesium weak charge, (2 sqrt2/G_F) 4 pi alpha eps^A_e [eps^V_u (2Z + N) + eps^V_d (Z + 2N)] K(m)/m^2",
                   citations: [bouchiat, hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let m = context.point.mass
            let value = try AtomicParityViolation.weakChargeShift(couplings: context.staticCouplings, bosonMass: m)
            let k = try AtomicParityViolation.finiteRangeFactor(bosonMass: m)
            var problems: [Problem] = []
            if !AtomicParityViolation.finiteRangeFactorIsReliable(bosonMass: m) {
                problems.append(.warning(.extrapolation, .mass, value: m, "APV: K(m) below 1 MeV is an extrapolation of the short-distance model (see AtomicParityViolation)"))
            }
            let limit = context.inputs.parityViolation.cesiumWeakChargeLimit
            return try Prediction(name: "apv_delta_qw_cs", value: value, upperBound: limit.value, details: ["finite_range_factor": k], problems: problems)
        },
        Observable(name: "e158_delta_qw_e", latexName: "\\Delta Q_W^e", description: "shift of the electron weak charge at E158's Q^2 = 0.026 GeV^2",
                   citations: [e158, hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let q2 = context.inputs.parityViolation.e158MomentumTransferSquared
            let value = try MollerScattering.electronWeakChargeShift(couplings: context.staticCouplings, bosonMass: context.point.mass,
                                                                     momentumTransferSquared: q2)
            return try Prediction(name: "e158_delta_qw_e", value: value, details: ["momentum_transfer_squared": q2])
        },
        Observable(name: "e158_eps_v_eps_a", latexName: "\\epsilon^V_e\\epsilon^A_e", description: "the product the E158 bound of Hati et al. constrains",
                   citations: [e158, hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let c = context.staticCouplings[.electron]
            return try Prediction(name: "e158_eps_v_eps_a", value: c.vector * c.axial, upperBound: context.inputs.parityViolation.e158ProductLimit.value)
        },
    ]

    // MARK: Neutrino scattering

    static let neutrinoScattering: [Observable] = NeutrinoFlavour.allCases.flatMap { flavour -> [Observable] in
        [("L", true), ("R", false)].map { chirality, isLeft in
            Observable(name: "nu_e_scattering_delta_g_\(chirality)_\(flavour.rawValue)", latexName: "\\Delta g_\(chirality)^{\\nu e}",
                       description: "shift of the \(flavour.rawValue)-e chiral coupling g_\(chirality) at the stated electron recoil energy",
                       citations: [neutrinoScatteringTheory]) { (context: ObservableContext) throws(Problem) -> Prediction in
                let t = context.settings.electronRecoilEnergy
                let total = try NeutrinoElectronScattering.effectiveCouplings(flavour: flavour, antineutrino: false, recoilEnergy: t,
                                                                              couplings: context.staticCouplings, bosonMass: context.point.mass)
                let sm = NeutrinoElectronScattering.standardModelCouplings(flavour)
                return try Prediction(name: "nu_e_scattering_delta_g_\(chirality)_\(flavour.rawValue)",
                                      value: isLeft ? total.left - sm.left : total.right - sm.right, details: ["recoil_energy": t])
            }
        }
    } + NeutrinoFlavour.allCases.map { flavour in
        Observable(name: "cevns_cs133_shift_\(flavour.rawValue)", latexName: "Q/Q_W^{SM} - 1\\,(^{133}\\mathrm{Cs})",
                   description: "relative shift of the coherent weak charge of 133Cs for \(flavour.rawValue) at the stated nuclear recoil energy",
                   citations: [cevnsTheory]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let t = context.settings.nuclearRecoilEnergy
            let nucleus = CoherentNeutrinoNucleusScattering.Nucleus.cesium133
            let charge = try CoherentNeutrinoNucleusScattering.effectiveWeakCharge(flavour: flavour, nucleus: nucleus, recoilEnergy: t,
                                                                                   couplings: context.staticCouplings, bosonMass: context.point.mass)
            return try Prediction(name: "cevns_cs133_shift_\(flavour.rawValue)", value: charge / nucleus.standardModelWeakCharge - 1,
                                  details: ["recoil_energy": t])
        }
    }
}

extension NeutrinoElectronScattering {
    /// The tree-level SM chiral couplings (g_L, g_R) of a neutrino flavour to electrons with the
    /// low-energy weak mixing angle (g_L = -1/2 + s_W^2, +1 for nu_e from the charged current;
    /// g_R = s_W^2).
    public static func standardModelCouplings(_ flavour: NeutrinoFlavour) -> (left: Double, right: Double) {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        return (-0.5 + s2 + (flavour == .electron ? 1 : 0), s2)
    }
}
