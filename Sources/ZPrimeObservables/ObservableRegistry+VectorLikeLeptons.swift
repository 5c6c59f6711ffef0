import ZPrimeCore
import ZPrimeCouplings

extension ObservableRegistry {
    /// Delta a_l from every boson and internal state of the table (``MassBasisMoment``): the value is
    /// the total; the Z' and other-boson parts and the largest single term are in the details. No
    /// coupling band: the total is not quadratic in one coupling scale (the h_X loop does not scale
    /// with g_X), so the note points to solving for a model parameter instead.
    static func massBasisMoment(_ lepton: ChargedLepton, _ context: ObservableContext) throws(Problem) -> Prediction {
        let moment = try MassBasisMoment(lepton: lepton, table: context.couplings)
        var details: [String: Double] = ["zprime": moment.zPrime, "largest_term": moment.largestTerm]
        for (name, value) in moment.otherBosons { details[name.lowercased()] = value }
        let name = "delta_a_\(lepton.rawValue)"
        guard lepton != .tau else { return try Prediction(name: name, value: moment.total, details: details) }
        let dataset = try context.inputs.dataset(lepton, named: lepton == .muon ? context.point.datasets.muon : context.point.datasets.electron)
        let measurement = Measurement(id: dataset.name, value: dataset.delta, uncertainty: dataset.uncertainty, date: dataset.date,
                                      citation: dataset.citations.joined(separator: "; "))
        let note = Problem.note(.methodCaveat, .coupling, value: nil,
                                "Delta a_\(lepton.rawValue) sums the Z' and h_X loops over every mass eigenstate and is not quadratic in one coupling scale: no band (solve for a model parameter, e.g. zprime spectrum --solve-h)")
        return try Prediction(name: name, value: moment.total, measurement: measurement, details: details, problems: [note])
    }

    /// The seed model's own observables (points with the vector-like-lepton spectrum): the light
    /// states' Z' couplings with the quoted ranges, the tuned Yukawas, v_X, and the shifts of the SM
    /// boson loops.
    ///
    /// | name | value |
    /// | --- | --- |
    /// | `eps_v_ee`, `eps_a_ee`, `eps_v_mumu`, ... | eps^V, eps^A of the light charged leptons (q^2 = 0) |
    /// | `eps_a_nu_e`, `eps_a_nu_mu`, `eps_a_nu_tau` | the light neutrinos' Weyl couplings (the paper's eps^A_nu) |
    /// | `y_e`, `y_mu`, `y_tau` | the SM Yukawas in use (tuned unless given) |
    /// | `v_x` | v_X in GeV, tied to m_Z' and g_X |
    /// | `lightest_vector_like_mass` | the lightest heavy charged state, GeV (collider bound about 120 GeV) |
    /// | `delta_a_e_sm_bosons`, ... | Z and h loop shifts (computed) plus the W estimate (details) |
    public static let vectorLikeLeptons: [Observable] = {
        let hati = "C. Hati, J. Kriewald, J. Orloff, A. M. Teixeira, JHEP 07 (2020) 235, arXiv:2005.00028"
        let ranges = (try? SeedModelRange.bundled()) ?? []
        @Sendable func range(_ name: String) -> SeedModelRange? { ranges.first { $0.name == name } }
        @Sendable func spectrum(_ context: ObservableContext) throws(Problem) -> VectorLikeLeptonCouplings {
            guard let v = context.calculator.vectorLikeLeptons else {
                throw Problem.invalid(.model, text: context.point.model.name, "has no vector-like-lepton spectrum at this point", kind: .unsupportedModel)
            }
            return v
        }
        @Sendable func bounded(_ name: String, _ value: Double) throws(Problem) -> Prediction {
            let r = range(name)
            var details: [String: Double] = [:]
            if let lower = r?.lower { details["lower_bound"] = lower }
            var problems: [Problem] = []
            if r?.open == true {
                problems.append(.note(.methodCaveat, .field(name), value: r?.upper, "the quoted bound could not be reproduced from the formula it is said to follow from"))
            }
            return try Prediction(name: name, value: value, upperBound: r?.upper, details: details, problems: problems)
        }
        var list: [Observable] = []
        for lepton in ChargedLepton.allCases {
            let pair = "\(lepton.rawValue)\(lepton.rawValue)"
            list.append(Observable(name: "eps_v_\(pair)", latexName: "\\epsilon^V_{\(pair)}", description: "Z' vector coupling of the light \(lepton.rawValue) (mass basis, q^2 = 0)",
                                   citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
                try bounded("eps_v_\(pair)", context.couplings[lepton.couplingTarget].vector.real)
            })
            list.append(Observable(name: "eps_a_\(pair)", latexName: "\\epsilon^A_{\(pair)}", description: "Z' axial coupling of the light \(lepton.rawValue) (mass basis, q^2 = 0)",
                                   citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
                try bounded("eps_a_\(pair)", context.couplings[lepton.couplingTarget].axial.real)
            })
        }
        for lepton in ChargedLepton.allCases {
            list.append(Observable(name: "eps_a_nu_\(lepton.rawValue)", latexName: "\\epsilon^A_{\\nu_\(lepton.rawValue)}",
                                   description: "Z' coupling of the light \(lepton.rawValue)-neutrino's left-handed Weyl field", citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
                try bounded("eps_a_nu_\(lepton.rawValue)", context.couplings[lepton.neutrino].left.real)
            })
        }
        for g in LeptonGeneration.allCases {
            list.append(Observable(name: "y_\(g.suffix)", latexName: "y_{\(g.suffix)}", description: "the SM Yukawa of generation \(g.suffix) in use (tuned to the lepton mass unless given)",
                                   citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
                try Prediction(name: "y_\(g.suffix)", value: try spectrum(context).spectrum.yukawas[g.rawValue])
            })
        }
        list.append(Observable(name: "v_x", latexName: "v_X", description: "the B-L vacuum expectation value, tied to m_Z' and g_X", unit: "GeV",
                               citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
            try Prediction(name: "v_x", value: try spectrum(context).scalarVEV)
        })
        list.append(Observable(name: "lightest_vector_like_mass", latexName: "m_{E_4}", description: "the lightest heavy charged lepton (collider bound about 120 GeV)",
                               unit: "GeV", citations: [hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
            let masses = try spectrum(context).spectrum.chargedMasses
            return try Prediction(name: "lightest_vector_like_mass", value: masses.dropFirst(3).min() ?? 0,
                                  details: ["lower_bound": VectorLikeLeptonSpectrum.vectorLikeMassBound])
        })
        for lepton in ChargedLepton.allCases {
            list.append(Observable(name: "delta_a_\(lepton.rawValue)_sm_bosons", latexName: "\\Delta a_{\(lepton.rawValue)}^{Z,h}",
                                   description: "shift of the SM Z and h loops by the mixing (computed); the W shift is an estimate, in the details",
                                   citations: [leveille, hati]) { (context: ObservableContext) throws(Problem) -> Prediction in
                let v = try spectrum(context)
                let g = LeptonGeneration(rawValue: ChargedLepton.allCases.firstIndex(of: lepton)!)!
                let z = try VectorLikeLeptonAnalysis.standardModelBosonShift(v.zBoson, lepton: lepton, table: context.couplings, scheme: context.calculator.scheme)
                let h = try VectorLikeLeptonAnalysis.standardModelBosonShift(v.higgs, lepton: lepton, table: context.couplings, scheme: context.calculator.scheme)
                let w = VectorLikeLeptonAnalysis.wShiftEstimate(v.spectrum.chargedCurrent(), spectrum: v.spectrum, lepton: g, scheme: context.calculator.scheme)
                return try Prediction(name: "delta_a_\(lepton.rawValue)_sm_bosons", value: z + h, details: ["z": z, "h": h, "w_estimate": w])
            })
        }
        return list
    }()
}
