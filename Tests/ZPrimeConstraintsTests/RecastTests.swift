import Foundation
import Testing
@testable import ZPrimeConstraints
import ZPrimeCore
import ZPrimeDecays
import ZPrimeModels
import ZPrimePoint

/// Recasts: the identity (each dark-photon limit recast to the dark photon returns its curve) and
/// B-L and L_mu - L_tau recasts at native masses against values derived by hand.
@Suite struct RecastTests {
    static let catalogue = try! LimitCatalogue.bundled()

    /// The dark-photon limits that are recast (not published-model-only) and stored as curves.
    static let darkPhotonCurves: [String] = catalogue.limits.filter { l in
        guard l.definition.published.model.isKineticMixingOnly, case .curve = l.bound, case .recast = l.definition.applicability else { return false }
        return true
    }.map(\.name)

    /// At most `count` native masses of a curve, evenly spread (debug builds are slow; every mass of
    /// every limit is exercised by the CLI golden rows and the benchmark).
    static func sample(_ masses: [Double], count: Int = 120) -> [Double] {
        guard masses.count > count else { return masses }
        let step = Double(masses.count - 1) / Double(count - 1)
        return (0..<count).map { masses[Int((Double($0) * step).rounded())] }
    }

    /// The identity: recasting a dark-photon limit to the dark photon (with the limit's own dark
    /// sector: 99 x visible for the invisible searches) returns its published edges to 1e-6
    /// relative (the solver's own accuracy is 1e-9; the rest is margin). Exceptions, each checked
    /// against its own size rather than skipped:
    /// - incomplete or rounded production fractions (CMS: the Drell-Yan fractions sum to 1 +- 1e-5
    ///   because they are printed to 5 digits; LHCb: the fractions sum to 0.903-1.000, the rest of
    ///   the production is unassigned). With sum_i f_i = S the recast of the published model gives
    ///   R(g) = S (g/g_pub)^2 times the lifetime factor, so the recast coupling is g_pub/sqrt(S) when
    ///   the lifetime factor is 1, and between g_pub and g_pub/sqrt(S) otherwise (R is monotonic);
    /// - KLOE_Babusci2012cr, whose published model counts only the e+e- and mu+mu- widths in its total:
    ///   the recast (full width) lies above the curve by at most sqrt(Gamma_total/(Gamma_ee + Gamma_mumu));
    /// - masses where the published model has no signal (below the e+e- threshold for an e+e- search,
    ///   where the curves were extrapolated), where the published bound reaches eps = 0.99, and the
    ///   mass-0 rows of some curves (no boson to recast).
    @Test(arguments: RecastTests.darkPhotonCurves)
    func identity(_ name: String) throws {
        let limit = try #require(Self.catalogue.limit(named: name))
        guard case .curve(let curve) = limit.bound else { return }
        let d = limit.definition
        let point = try Support.point("dark-photon", darkSector: d.published.darkSector)
        let prepared = try PreparedLimit(limit: limit, point: point)
        let masses = Self.sample(curve.masses.indices.filter { curve.hasBound($0) }.map { curve.masses[$0] })
        let rows = try prepared.recast(masses: masses)
        var checked = 0, silent = 0, worst = 0.0
        for row in rows {
            let edges = try #require(curve.edges(at: row.mass))
            guard let lower = row.lower else {
                // Nothing recast here: the published model has no signal (below the e+e- threshold) or
                // its bound reaches eps = 0.99.
                let belowThreshold = d.decay.channels.contains(.electron) && row.mass <= 2 * PhysicalConstants.electronMass
                #expect(row.mass == 0 || belowThreshold || edges.lower >= ModelResponse.largestKineticMixing,
                        "\(name) at \(row.mass): \(row.note ?? "no note")")
                #expect(row.note != nil)
                silent += 1
                continue
            }
            checked += 1
            var expectedLower = edges.lower, tolerance = 1e-6
            var oneSided = false   // the deviation is bounded, not exact
            if let table = d.productionTable {
                let sum = table.total(mass: row.mass)
                let factor = 1 / sum.squareRoot()
                if name.hasPrefix("CMS") {
                    // Lifetime factor 1 at CMS masses (tau ~ 1e-22 s against t_max >= 5 ps): exactly g_pub/sqrt(S).
                    expectedLower = edges.lower * factor
                } else if abs(factor - 1) > 1e-6 {
                    oneSided = true
                    let deviation = lower / edges.lower - 1
                    #expect(deviation >= min(0, factor - 1) - 1e-6 && deviation <= max(0, factor - 1) + 1e-6,
                            "\(name) at \(row.mass): \(deviation) outside [0, \(factor - 1)]")
                }
            }
            if d.published.totalWidthStates != nil {
                oneSided = true
                let state = try prepared.reference.state(mass: row.mass, coupling: edges.lower)
                let restricted = state.widths[.electron] + state.widths[.muon]
                let bound = (state.widths.total / restricted).squareRoot() - 1
                let deviation = lower / edges.lower - 1
                // Margin 1e-6 + 10 eps^2: the exact A-Z-Z' mixing makes the dark photon's widths depend on
                // eps beyond eps^2 at relative order eps^2, and the bound is evaluated at g_pub.
                let margin = 1e-6 + 10 * edges.lower * edges.lower
                #expect(deviation >= -margin && deviation <= bound + margin, "\(name) at \(row.mass): \(deviation) vs at most \(bound)")
                worst = max(worst, deviation)
            }
            if !oneSided {
                let error = abs(lower / expectedLower - 1)
                worst = max(worst, error)
                #expect(error < tolerance, "\(name) at \(row.mass): lower \(lower) vs \(expectedLower)")
                if let upper = edges.upper {
                    let recastUpper = try #require(row.upper, "\(name) at \(row.mass): no upper edge")
                    #expect(abs(recastUpper / upper - 1) < tolerance, "\(name) at \(row.mass): upper \(recastUpper) vs \(upper)")
                }
            }
            _ = tolerance
        }
        #expect(checked + silent == rows.count && checked >= 5, "\(name): only \(checked) of \(rows.count) masses recast")
    }

    /// The LHCb r-value grids recast to the dark photon: at every grid point the model's r equals the
    /// published r divided by the production-fraction sum S (r_X = r BR_ref/(BR_X sum f sigma_X/sigma_ref)
    /// with identical branching ratios and sigma_X = sigma_ref), to 1e-6 in ln r.
    @Test(arguments: ["LHCb_Aaij2017rft_displaced", "LHCb_Aaij2019bvg_displaced"])
    func gridIdentity(_ name: String) throws {
        let limit = try #require(Self.catalogue.limit(named: name))
        guard case .grid(let grid) = limit.bound else { Issue.record("\(name) is a grid"); return }
        let prepared = try PreparedLimit(limit: limit, point: try Support.point("dark-photon"))
        for j in stride(from: 0, to: grid.masses.count, by: 7) {
            let column = try #require(try prepared.gridColumn(grid, index: j))
            let sum = try #require(limit.definition.productionTable).total(mass: grid.masses[j])
            #expect(column.modelCouplings.count == grid.couplings.count)
            for k in column.modelCouplings.indices {
                // The model coupling with the published lifetime is the published coupling itself.
                #expect(abs(column.modelCouplings[k] / grid.couplings[k] - 1) < 1e-6)
                #expect(abs(column.logR[k] - (log(grid.value(j, k)) - log(sum))) < 1e-6, "\(name) m = \(grid.masses[j]) k = \(k)")
            }
        }
    }

    // MARK: By hand

    /// The electron phase-space factor of Gamma(X -> e+e-) for a vector coupling: (1 + 2r) sqrt(1 - 4r),
    /// r = (m_e/m)^2.
    static func electronFactor(_ m: Double) -> Double {
        let r = PhysicalConstants.electronMass * PhysicalConstants.electronMass / (m * m)
        return (1 + 2 * r) * (1 - 4 * r).squareRoot()
    }

    /// KLOE e+e- -> gamma U, U -> e+e- (production e_e, prompt window of 8 cm) recast to B-L with
    /// Dirac neutrinos, at its native masses below the pi0 gamma threshold (0.1349 GeV), by hand:
    /// the production ratio is (g/e)^2/eps^2 (electron vector couplings g/e times X_e = -1, and -eps);
    /// the dark photon decays only to e+e- there (BR 1), B-L to e+e- and three Dirac neutrino flavours,
    /// each with Gamma = g^2 m/(12 pi) (v = -1, a = 0 in units of g), so BR_BL(ee) = f/(f + 3) with f
    /// the electron phase-space factor; both lifetimes are below 1e-13 s against t_max >= 2.5e-12 s
    /// (the efficiency ratio is 1 to double precision, exp(-20) at worst). Hence
    /// g = e eps sqrt((f + 3)/f). Tolerance 1e-6: the dark photon's Z admixture changes its electron
    /// coupling by O(m^2/m_Z^2) < 2e-6 relative at m < 0.13 GeV (the B-L boson has none), and the
    /// solver is exact to 1e-9.
    @Test func bMinusLPromptByHand() throws {
        let limit = try #require(Self.catalogue.limit(named: "KLOE_Anastasi2015qla"))
        guard case .curve(let curve) = limit.bound else { return }
        let point = try Support.point("B-L", neutrinos: .dirac)
        let prepared = try PreparedLimit(limit: limit, point: point)
        let masses = curve.masses.indices.filter { curve.hasBound($0) && curve.masses[$0] < 0.13 }.map { curve.masses[$0] }
        #expect(masses.count > 20)
        let e = PhysicalConstants.elementaryCharge
        for row in try prepared.recast(masses: masses) {
            let eps = try #require(curve.edges(at: row.mass)).lower
            let f = Self.electronFactor(row.mass)
            let expected = e * eps * ((f + 3) / f).squareRoot()
            let lower = try #require(row.lower)
            #expect(abs(lower / expected - 1) < 1e-6, "m = \(row.mass): \(lower) vs \(expected)")
            #expect(row.upper == nil)
        }
    }

    /// NA64's invisible search (production e_brem, DarkCast's dark photon with a dark width 99 x visible)
    /// recast to B-L at native masses 2 m_e < m < 0.13 GeV, by hand: BR_ref(invisible) = 99/100 (the
    /// dark photon's visible width is e+e- alone there); B-L's invisible width is its neutrinos:
    /// Dirac 3 x g^2 m/(12 pi), left-handed Majorana 3 x g^2 m/(24 pi), against g^2 m f/(12 pi) for e+e-,
    /// so BR_BL(inv) = 3/(3 + f) or 1.5/(1.5 + f); efficiency ratio 1 (prompt_unbounded). Hence
    /// g = e eps sqrt(0.99/BR_BL(inv)). Tolerance 1e-6 as above.
    @Test(arguments: [LightNeutrinos.dirac, .leftHandedMajorana])
    func bMinusLInvisibleByHand(_ neutrinos: LightNeutrinos) throws {
        let limit = try #require(Self.catalogue.limit(named: "NA64_NA642019imj"))
        guard case .curve(let curve) = limit.bound else { return }
        let prepared = try PreparedLimit(limit: limit, point: try Support.point("B-L", neutrinos: neutrinos))
        let masses = curve.masses.filter { $0 > 2 * PhysicalConstants.electronMass && $0 < 0.13 }
        #expect(masses.count > 10)
        let e = PhysicalConstants.elementaryCharge
        let invisible = neutrinos == .dirac ? 3.0 : 1.5
        for row in try prepared.recast(masses: masses) {
            let eps = try #require(curve.edges(at: row.mass)).lower
            let f = Self.electronFactor(row.mass)
            let expected = e * eps * (0.99 * (invisible + f) / invisible).squareRoot()
            let lower = try #require(row.lower)
            #expect(abs(lower / expected - 1) < 1e-6, "\(neutrinos) m = \(row.mass): \(lower) vs \(expected)")
        }
    }

    /// The muon g-2 band edge of Bodas et al. (production mu_mu, no decay) recast to L_mu - L_tau with
    /// the loop-induced mixing off, by hand: the muon couplings are g/e (X_mu = 1) and -eps, so the
    /// ratio is (g/(e eps))^2 and g = e eps at every mass, to leading order in eps and m/m_Z: the exact
    /// A-Z-Z' mixing of ZPrime's dark photon moves its muon couplings at relative order eps^2 and
    /// m^2/m_Z^2 (seen: 1.0e-6 at eps = 1e-3, m -> 0), so the tolerance is 2 (eps^2 + 2 m^2/m_Z^2) + 1e-9.
    @Test func lMuMinusLTauByHand() throws {
        let limit = try #require(Self.catalogue.limit(named: "AMMmu_Bodas2021fsy"))
        guard case .curve(let curve) = limit.bound else { return }
        let model = Support.model("Lmu-Ltau")
        let point = try ParameterPoint(model: model, mass: 0.1, coupling: 1e-3, loopMixing: .off)
        let prepared = try PreparedLimit(limit: limit, point: point)
        let e = PhysicalConstants.elementaryCharge
        let masses = curve.masses.indices.filter { curve.hasBound($0) && curve.lower[$0] < 0.5 }.map { curve.masses[$0] }
        #expect(masses.count > 20)
        for row in try prepared.recast(masses: masses) {
            let eps = try #require(curve.edges(at: row.mass)).lower
            let lower = try #require(row.lower, "m = \(row.mass)")
            let difference = abs(lower / (e * eps) - 1)
            let zAdmixture = row.mass * row.mass / (91.1876 * 91.1876)
            #expect(difference < 2 * (eps * eps + 2 * zAdmixture) + 1e-9, "m = \(row.mass): \(lower) vs \(e * eps)")
        }
    }

    /// L_mu - L_tau in BaBar's e+e- -> gamma X, X -> mu+mu- search with the loop-induced mixing on
    /// (the default), by hand: the electron coupling is the loop's, c_e = eps_loop(m) g with
    /// eps_loop = O(e/(12 pi^2) ln(m_tau^2/m_mu^2)) ~ 1e-2 per unit g, so the recast coupling lies far
    /// above the direct scale e eps; and every coupling is proportional to g (loop mixing linear in g,
    /// no tree-level mixing), so R(g) = (g/g_1)^2 exactly: doubling the published eps doubles the
    /// recast coupling, up to the relative order eps^2 of the exact mixing of the published dark
    /// photon (tolerance 10 (2 eps)^2 + 1e-9).
    @Test func lMuMinusLTauScalesLinearly() throws {
        let limit = try #require(Self.catalogue.limit(named: "BaBar_TheBABAR2016rlg"))
        guard case .curve(let curve) = limit.bound else { return }
        let prepared = try PreparedLimit(limit: limit, point: try Support.point("Lmu-Ltau"))
        #expect(prepared.model.linearity == .proportional)
        let m = curve.masses[curve.masses.count / 2]
        let edges = try #require(curve.edges(at: m))
        let r1 = try #require(try prepared.makeReference(mass: m, lower: edges.lower, upper: nil))
        let r2 = try #require(try prepared.makeReference(mass: m, lower: 2 * edges.lower, upper: nil))
        let g1 = try #require(try prepared.excludedIntervals(r1).first?.lower)
        let g2 = try #require(try prepared.excludedIntervals(r2).first?.lower)
        #expect(abs(g2 / g1 - 2) < 40 * edges.lower * edges.lower + 1e-9, "\(g1) \(g2)")
        #expect(g1 > 10 * PhysicalConstants.elementaryCharge * edges.lower)
    }

    /// A limit recast at a mass outside its range is an error naming the range (no extrapolation);
    /// a model the limit is not valid for is an error with the reason.
    @Test func badInput() throws {
        let limit = try #require(Self.catalogue.limit(named: "E137_Andreas2012mt"))
        let prepared = try PreparedLimit(limit: limit, point: try Support.point("B-L"))
        #expect(throws: Problem.self) { try prepared.recast(masses: [5.0]) }
        do {
            _ = try prepared.recast(masses: [5.0])
        } catch {
            #expect(error.message.contains("outside the masses of E137_Andreas2012mt"))
        }
        let result = prepared.evaluate(mass: 5.0, coupling: 1e-6)
        #expect(result.verdict.key == "outside_mass_range")
        // SN1987A applies only to the dark photon itself.
        let sn = try #require(Self.catalogue.limit(named: "SN1987A_Chang2016"))
        let notValid = try PreparedLimit(limit: sn, point: try Support.point("B-L"))
        #expect(notValid.notApplicableReason != nil)
        #expect(throws: Problem.self) { try notValid.recast() }
    }

    /// A model whose eps is tied to g_X (the protophobic boson, eps from rho = -g_X/e through the
    /// exact tree-level eps = rho c/sqrt(c^2 - rho^2), c = cos theta_W): the recast's largest coupling is
    /// where |eps| = 0.99, g_X = 0.99 e c/sqrt(c^2 + 0.99^2) (by hand: 0.20013 with e = 0.302822 and
    /// c = 0.88762, sin^2 = 0.21215 of the alpha(0), G_F, m_Z scheme), and every limit recasts without an error. Before, the range ended at
    /// rho = 0.99 c, where eps = 7, and A1, AMMe and AMMmu threw "|eps| < 1" for this model.
    @Test func tiedMixingRange() throws {
        let point = try Support.point("protophobic")
        let response = try ModelResponse(point: point)
        let top = response.couplingRange.upperBound
        let eps = try response.point(coupling: top).treeLevelKineticMixing()
        #expect(abs(abs(eps) - ModelResponse.largestKineticMixing) < 1e-12, "\(eps)")
        #expect(abs(top / 0.20013 - 1) < 1e-4, "\(top)")
        for limit in Self.catalogue.limits {
            let prepared = try PreparedLimit(limit: limit, point: point)
            guard prepared.notApplicableReason == nil else { continue }
            let masses: [Double]
            switch limit.bound {
            case .curve(let c): masses = Self.sample(c.masses, count: 6)
            case .grid(let g): masses = Self.sample(g.masses, count: 3)
            }
            #expect(throws: Never.self, "\(limit.name)") { _ = try prepared.recast(masses: masses) }
        }
    }
}
