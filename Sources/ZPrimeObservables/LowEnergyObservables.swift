import ZPrimeCore
import ZPrimeCouplings

/// Every low-energy observable of one boson, computed from its couplings alone (PHYSICS.md sections
/// 5-7): the stage does not need to know how the couplings were made.
///
/// ```swift
/// let couplings = FermionCouplings([.electron: ChiralCoupling(vector: -2e-3, axial: 0),
///                                   .muon: ChiralCoupling(vector: -2e-3, axial: 0),
///                                   .proton: ChiralCoupling(vector: 2e-3, axial: 0)])
/// let report = try LowEnergyObservables(couplings: couplings, bosonMass: 0.017)
/// print(report.deltaA[.muon]!, report.cesiumWeakChargeShift)
/// ```
public struct LowEnergyObservables: Sendable {
    /// The couplings the report was made from (units of e).
    public let couplings: FermionCouplings
    /// The boson mass, GeV.
    public let bosonMass: Double
    /// Delta a_l for e, mu, tau (flavour-diagonal loop).
    public let deltaA: [ChargedLepton: Double]
    /// The g-2 datasets compared with (electron and muon).
    public let datasets: [ChargedLepton: AnomalyDataset]
    /// The coupling-scale bands: s such that s times every coupling agrees with the dataset at
    /// `sigmas` standard deviations.
    public let bands: [ChargedLepton: CouplingBand]
    /// The number of standard deviations of the bands and regions.
    public let sigmas: Double
    /// Nucleon vector couplings used for X17, APV and CEvNS.
    public let nucleons: NucleonCouplings
    /// Gamma_X/Gamma_gamma for 8Be(18.15), isospin conserved (eps_p + eps_n)^2 [...]^(3/2).
    public let beryllium18Ratio: Double
    /// The same with the seeds' isospin mixing.
    public let beryllium18RatioIsospinMixed: Double
    /// Gamma_X/Gamma_gamma for 8Be(17.64), isovector (eps_p - eps_n)^2 [...]^(3/2).
    public let beryllium17Ratio: Double
    /// The kinematic 4He(21.01) analogue (eps_p + eps_n)^2 [1 - (m/21.01 MeV)^2]^(3/2) (see ``X17``).
    public let helium21KinematicRatio: Double
    /// The coupling-scale region reproducing the ATOMKI 8Be(18.15) ratio (BR(X -> ee) = 1).
    public let x17Region: CouplingBand?
    /// K(m) for 133Cs.
    public let cesiumFiniteRangeFactor: Double
    /// Delta Q_W(133Cs).
    public let cesiumWeakChargeShift: Double
    /// The |Delta Q_W(Cs)| bound of the data file (0.71).
    public let cesiumWeakChargeLimit: Double
    /// Delta Q_W^e at E158's Q^2.
    public let electronWeakChargeShift: Double
    /// eps^V_e eps^A_e (compare the seed's 1.1e-7).
    public let electronVectorAxialProduct: Double
    /// The seed's E158 bound on |eps^V_e eps^A_e|.
    public let electronVectorAxialLimit: Double
    /// Shifts of the nu-e chiral couplings (g_L, g_R) at zero recoil, by flavour (neutrinos).
    public let neutrinoElectronShifts: [NeutrinoFlavour: (left: Double, right: Double)]
    /// Q_eff/Q_W(SM) - 1 for CEvNS on 133Cs at zero recoil, by flavour.
    public let cesiumCoherentChargeShift: [NeutrinoFlavour: Double]
    /// Caveats that apply to these numbers.
    public let warnings: [String]

    /// Computes the report.
    ///
    /// - Parameters:
    ///   - couplings: eps^V, eps^A per target, units of e.
    ///   - bosonMass: GeV.
    ///   - inputs: the measured inputs (default: the bundled file).
    ///   - muonDataset, electronDataset: dataset names (nil: the newest).
    ///   - sigmas: n for the bands and the X17 region.
    public init(couplings: FermionCouplings, bosonMass: Double, inputs: MeasuredInputs? = nil,
                muonDataset: String? = nil, electronDataset: String? = nil, sigmas: Double = 2) throws(ObservableError) {
        try ObservableError.requirePositive(bosonMass, "bosonMass")
        try ObservableError.requirePositive(sigmas, "sigmas", unit: "")
        for (target, c) in couplings.values {
            try ObservableError.requireFinite(c.vector, "eps^V_\(target.rawValue)")
            try ObservableError.requireFinite(c.axial, "eps^A_\(target.rawValue)")
        }
        let data: MeasuredInputs
        if let inputs { data = inputs } else { data = try MeasuredInputs.bundled() }
        self.couplings = couplings
        self.bosonMass = bosonMass
        self.sigmas = sigmas
        var warnings: [String] = []

        var deltaA: [ChargedLepton: Double] = [:]
        for lepton in ChargedLepton.allCases {
            deltaA[lepton] = try AnomalousMagneticMoment.deltaA(lepton, couplings: couplings, bosonMass: bosonMass)
        }
        self.deltaA = deltaA
        let datasets: [ChargedLepton: AnomalyDataset] = [
            .muon: try data.dataset(.muon, named: muonDataset),
            .electron: try data.dataset(.electron, named: electronDataset),
        ]
        self.datasets = datasets
        var bands: [ChargedLepton: CouplingBand] = [:]
        for (lepton, dataset) in datasets {
            bands[lepton] = try CouplingBand(valueAtUnitScale: deltaA[lepton]!, dataset: dataset, sigmas: sigmas)
        }
        self.bands = bands

        let nucleons = NucleonCouplings(couplings)
        self.nucleons = nucleons
        beryllium18Ratio = try X17.rateRatio(.beryllium18, bosonMass: bosonMass, nucleons: nucleons)
        beryllium18RatioIsospinMixed = try X17.rateRatio(.beryllium18, bosonMass: bosonMass, nucleons: nucleons, isospin: .seedMixing)
        beryllium17Ratio = try X17.rateRatio(.beryllium17, bosonMass: bosonMass, nucleons: nucleons)
        helium21KinematicRatio = try X17.rateRatio(.helium21, bosonMass: bosonMass, nucleons: nucleons)
        if X17.phaseSpace(bosonMass: bosonMass, transition: .beryllium18) > 0 {
            x17Region = try X17.couplingRegion(nucleons: nucleons, bosonMass: bosonMass, measurement: data.x17.beryllium18Ratio, sigmas: sigmas)
        } else {
            x17Region = nil
        }

        cesiumFiniteRangeFactor = try AtomicParityViolation.finiteRangeFactor(bosonMass: bosonMass)
        cesiumWeakChargeShift = try AtomicParityViolation.weakChargeShift(couplings: couplings, bosonMass: bosonMass)
        cesiumWeakChargeLimit = data.parityViolation.cesiumWeakChargeLimit.value
        if !AtomicParityViolation.finiteRangeFactorIsReliable(bosonMass: bosonMass) {
            warnings.append("APV: K(m) below 1 MeV is an extrapolation of the short-distance model (see AtomicParityViolation)")
        }
        electronWeakChargeShift = try MollerScattering.electronWeakChargeShift(
            couplings: couplings, bosonMass: bosonMass, momentumTransferSquared: data.parityViolation.e158MomentumTransferSquared)
        electronVectorAxialProduct = couplings[.electron].vector * couplings[.electron].axial
        electronVectorAxialLimit = data.parityViolation.e158ProductLimit.value

        var shifts: [NeutrinoFlavour: (left: Double, right: Double)] = [:]
        var coherent: [NeutrinoFlavour: Double] = [:]
        let standard = NeutrinoElectronScattering.standardModelCouplings
        for flavour in NeutrinoFlavour.allCases {
            let total = try NeutrinoElectronScattering.effectiveCouplings(flavour: flavour, antineutrino: false, recoilEnergy: 0,
                                                                          couplings: couplings, bosonMass: bosonMass)
            let sm = standard(flavour)
            shifts[flavour] = (total.left - sm.left, total.right - sm.right)
            let nucleus = CoherentNeutrinoNucleusScattering.Nucleus.cesium133
            let charge = try CoherentNeutrinoNucleusScattering.effectiveWeakCharge(flavour: flavour, nucleus: nucleus, recoilEnergy: 0,
                                                                                   couplings: couplings, bosonMass: bosonMass)
            coherent[flavour] = charge / nucleus.standardModelWeakCharge - 1
        }
        neutrinoElectronShifts = shifts
        cesiumCoherentChargeShift = coherent
        self.warnings = warnings
        let values = [beryllium18Ratio, cesiumWeakChargeShift, electronWeakChargeShift]
            + shifts.values.flatMap { [$0.left, $0.right] } + Array(coherent.values)
        guard values.allSatisfy(\.isFinite) else {
            throw ObservableError(field: "bosonMass", value: "\(bosonMass)", problem: "the observables overflow at this mass with these couplings")
        }
    }

    /// Whether |Delta Q_W(Cs)| is within the bound of the data file.
    public var passesCesiumParityViolation: Bool { abs(cesiumWeakChargeShift) <= cesiumWeakChargeLimit }
}

extension NeutrinoElectronScattering {
    /// The tree-level SM chiral couplings (g_L, g_R) of a neutrino flavour to electrons
    /// (g_L = -1/2 + s_W^2, +1 for nu_e; g_R = s_W^2).
    public static func standardModelCouplings(_ flavour: NeutrinoFlavour) -> (left: Double, right: Double) {
        let s2 = PhysicalConstants.sin2ThetaWLowEnergy
        return (-0.5 + s2 + (flavour == .electron ? 1 : 0), s2)
    }
}
