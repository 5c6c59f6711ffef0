import ZPrimeCore

/// The models ZPrime knows by name. Names are matched case-insensitively.
///
/// | name | model | anomaly cancellation needs |
/// | --- | --- | --- |
/// | `dark-photon` | no U(1)_X charges; couples through kinetic mixing only | nothing |
/// | `B-L` | baryon minus lepton number, scalar phi (X = 2) | three N_R |
/// | `B` | baryon number | the anomalons of Duerr, Fileviez Perez, Wise |
/// | `Lmu-Ltau`, `Le-Lmu`, `Le-Ltau` | lepton-flavour differences | nothing (N_R optional) |
/// | `B-3Le`, `B-3Lmu`, `B-3Ltau` | baryon number minus three times one lepton flavour | the N_R of that family |
/// | `protophobic` | U(1)_B with eps = -g_X/e so that eps_p = 0 | the anomalons |
/// | `b-l-vll` | B-L with vector-like leptons L, E and h_X (X = 2) of Hati et al. (2020) | three N_R |
public enum BuiltinModels {
    /// One built-in entry.
    public struct Entry: Sendable {
        /// The command-line name.
        public let name: String
        /// A one-line description.
        public let summary: String
        /// The model.
        public let model: Model
    }

    /// Every built-in model, in display order.
    public static let all: [Entry] = [
        Entry(name: "dark-photon", summary: darkPhoton.summary, model: darkPhoton),
        Entry(name: "B-L", summary: bMinusL.summary, model: bMinusL),
        Entry(name: "B", summary: baryonNumber.summary, model: baryonNumber),
        Entry(name: "Lmu-Ltau", summary: leptonDifference(1, 2).summary, model: leptonDifference(1, 2)),
        Entry(name: "Le-Lmu", summary: leptonDifference(0, 1).summary, model: leptonDifference(0, 1)),
        Entry(name: "Le-Ltau", summary: leptonDifference(0, 2).summary, model: leptonDifference(0, 2)),
        Entry(name: "B-3Le", summary: baryonMinusThreeLepton(0).summary, model: baryonMinusThreeLepton(0)),
        Entry(name: "B-3Lmu", summary: baryonMinusThreeLepton(1).summary, model: baryonMinusThreeLepton(1)),
        Entry(name: "B-3Ltau", summary: baryonMinusThreeLepton(2).summary, model: baryonMinusThreeLepton(2)),
        Entry(name: "protophobic", summary: protophobic.summary, model: protophobic),
        Entry(name: "b-l-vll", summary: bMinusLVectorLikeLeptons.summary, model: bMinusLVectorLikeLeptons),
    ]

    /// The built-in model called `name` (case-insensitive), or `nil`.
    public static func model(named name: String) -> Model? {
        all.first { $0.name.lowercased() == name.lowercased() }?.model
    }

    // MARK: The models

    private static func uniform(_ value: Rational) -> [Rational] { Array(repeating: value, count: 3) }
    private static let third = Rational(1, 3)

    /// The dark photon: no fermion carries U(1)_X charge; it couples through kinetic mixing eps.
    public static let darkPhoton = Model(
        name: "dark-photon",
        summary: "dark photon: couples only through kinetic mixing, eps e Q_f",
        charges: [:],
        isKineticMixingOnly: true,
        references: ["Holdom, PLB 166 (1986) 196", "Ilten, Soreq, Williams, Xue, arXiv:1801.04847"]
    )

    /// U(1)_{B-L} with three right-handed neutrinos and a breaking scalar phi of charge 2, whose
    /// N N phi coupling gives the N_R Majorana masses (Mohapatra, Marshak 1980).
    public static let bMinusL = Model(
        name: "B-L",
        summary: "U(1)_{B-L}: quarks 1/3, leptons -1, three N_R, breaking scalar phi (X = 2)",
        charges: [.Q: uniform(third), .U: uniform(third), .D: uniform(third), .L: uniform(-1), .E: uniform(-1), .N: uniform(-1)],
        scalars: [.singlet("phi", charge: Rational(2))],
        references: ["Mohapatra, Marshak, PRL 44 (1980) 1316", "Bauer, Foldenauer, Jaeckel, JHEP 07 (2018) 094, arXiv:1803.05466"]
    )

    /// The anomalons of gauged baryon number: Duerr, Fileviez Perez, Wise, PRL 110 (2013) 231801
    /// (arXiv:1304.0576). Fields Psi(1,2,-1/2), eta(1,1,-1), chi(1,1,0), each vector-like under the
    /// SM with U(1)_B charges B1 (Psi_L, eta_R, chi_R) and B2 (Psi_R, eta_L, chi_L). Anomaly
    /// cancellation against three families of quarks requires B1 - B2 = -3 (the SU(2)^2 B and
    /// Y^2 B coefficients of the quarks, 3/2 and -3/2 in group-theory normalisation, are cancelled
    /// by (B1 - B2)/2 and -(B1 - B2)/2); the cubic, mixed and gravitational ones cancel for any
    /// B1, B2. ZPrime takes B1 = -1, B2 = 2. The scalar S_B (X = 3) gives them masses.
    static func anomalons(b1: Rational = Rational(-1), b2: Rational = Rational(2)) -> [ExtraFermion] {
        let singlet = ColourRepresentation.singlet
        return [
            ExtraFermion(name: "Psi", gauge: GaugeRepresentation(colour: singlet, isospin: .doublet, hypercharge: Rational(-1, 2)), leftCharges: [b1], rightCharges: [b2]),
            ExtraFermion(name: "eta", gauge: GaugeRepresentation(colour: singlet, isospin: .singlet, hypercharge: Rational(-1)), leftCharges: [b2], rightCharges: [b1]),
            ExtraFermion(name: "chi", gauge: GaugeRepresentation(colour: singlet, isospin: .singlet, hypercharge: .zero), leftCharges: [b2], rightCharges: [b1]),
        ]
    }

    /// U(1)_B: quarks 1/3, leptons 0, made anomaly free by the Duerr-Fileviez Perez-Wise anomalons.
    public static let baryonNumber = Model(
        name: "B",
        summary: "U(1)_B (baryon number): quarks 1/3, anomalons Psi, eta, chi (Duerr, Fileviez Perez, Wise 2013)",
        charges: [.Q: uniform(third), .U: uniform(third), .D: uniform(third)],
        extraFermions: anomalons(),
        scalars: [.singlet("S_B", charge: Rational(3))],
        references: ["Duerr, Fileviez Perez, Wise, PRL 110 (2013) 231801, arXiv:1304.0576"]
    )

    /// The protophobic boson of Feng et al., PRD 95 035017 (2017): U(1)_B with kinetic mixing
    /// eps = -g_X/e. In units of e, eps_u = g_X/(3e) + (2/3) eps and eps_d = g_X/(3e) - eps/3, so
    /// eps_p = 2 eps_u + eps_d = g_X/e + eps = 0, eps_n = g_X/e, and the electron coupling is
    /// eps Q_e = g_X/e.
    public static let protophobic = Model(
        name: "protophobic",
        summary: "protophobic vector: U(1)_B with eps = -g_X/e so the proton coupling vanishes (Feng et al. 2017)",
        charges: [.Q: uniform(third), .U: uniform(third), .D: uniform(third)],
        extraFermions: anomalons(),
        scalars: [.singlet("S_B", charge: Rational(3))],
        kineticMixingRatio: -1,
        references: ["Feng et al., PRD 95 (2017) 035017, arXiv:1608.03591", "Duerr, Fileviez Perez, Wise, PRL 110 (2013) 231801"]
    )

    static let leptonNames = ["e", "mu", "tau"]

    /// U(1)_{L_i - L_j} (families i, j from 0), with three N_R of the same charges.
    static func leptonDifference(_ i: Int, _ j: Int) -> Model {
        var x = uniform(.zero)
        x[i] = .one
        x[j] = Rational(-1)
        let name = "L\(leptonNames[i])-L\(leptonNames[j])"
        return Model(
            name: name,
            summary: "U(1)_{L_\(leptonNames[i]) - L_\(leptonNames[j])}: family \(i + 1) leptons +1, family \(j + 1) leptons -1 (anomaly free without N_R)",
            charges: [.L: x, .E: x, .N: x],
            references: ["He, Joshi, Lew, Volkas, PRD 43 (1991) 22", "Bauer, Foldenauer, Jaeckel, JHEP 07 (2018) 094, arXiv:1803.05466"]
        )
    }

    /// U(1)_{B - 3 L_i}: quarks 1/3, family-i leptons and N_i -3, the other families 0.
    static func baryonMinusThreeLepton(_ i: Int) -> Model {
        var x = uniform(.zero)
        x[i] = Rational(-3)
        return Model(
            name: "B-3L\(leptonNames[i])",
            summary: "U(1)_{B-3L_\(leptonNames[i])}: quarks 1/3, family-\(i + 1) leptons and N_R -3",
            charges: [.Q: uniform(third), .U: uniform(third), .D: uniform(third), .L: x, .E: x, .N: x],
            scalars: [.singlet("phi", charge: Rational(3))],
            references: ["Greljo, Stangl, Thomsen, Phys. Lett. B 820 (2021) 136554, arXiv:2103.13991"]
        )
    }

    /// The model of Hati, Kriewald, Orloff, Teixeira (JHEP 07 (2020) 235, arXiv:2005.00028):
    /// U(1)_{B-L} with three N_R, three vector-like lepton doublets L(1,2,-1/2) and singlets
    /// E(1,1,-1) of charge +1, and the breaking scalar h_X of charge 2 (their charge table). Its
    /// mass eigenstates come from the vector-like-lepton mass matrices (``FermionSpectrum/vectorLikeLeptons``).
    public static let bMinusLVectorLikeLeptons = Model(
        name: "b-l-vll",
        summary: "U(1)_{B-L} + three N_R + vector-like leptons L (doublet), E (singlet) with X = +1, h_X (X = 2) (Hati et al. 2020)",
        charges: [.Q: uniform(third), .U: uniform(third), .D: uniform(third), .L: uniform(-1), .E: uniform(-1), .N: uniform(-1)],
        extraFermions: [
            .vectorLike("LV", GaugeRepresentation(colour: .singlet, isospin: .doublet, hypercharge: Rational(-1, 2)), charge: .one, copies: 3),
            .vectorLike("EV", GaugeRepresentation(colour: .singlet, isospin: .singlet, hypercharge: Rational(-1)), charge: .one, copies: 3),
        ],
        scalars: [.singlet("h_X", charge: Rational(2))],
        references: ["Hati, Kriewald, Orloff, Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028"],
        spectrum: .vectorLikeLeptons
    )
}
