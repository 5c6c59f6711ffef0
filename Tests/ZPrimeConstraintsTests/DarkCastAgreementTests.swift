import Foundation
import Testing
@testable import ZPrimeConstraints
import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

/// Agreement with the DarkCast method (Ilten, Soreq, Williams, Xue, arXiv:1801.04847, section 2;
/// Baruch et al., arXiv:2206.08563) for B-L, L_mu - L_tau and the protophobic model.
///
/// The fixture `Fixtures/darkcast-recast.json` comes from an independent Python port of the method
/// (`Benchmarks/limits/darkcast_recast.py fixtures`: DarkCast's widths with R frozen above 2 GeV,
/// e = 0.302822, no photon-Z-Z' mixing, nu-e scattering with the on-shell sin^2 theta_W = 0.223),
/// solved to 1e-9 so that the comparison measures the method, not DarkCast's 1 % tolerance:
/// 1389 (model, limit, native mass) rows where the port finds an exclusion. Neutrinos: Dirac for B-L
/// (DarkCast v2.1's colour factor 1), left-handed only for L_mu - L_tau (the port at factor 1/2);
/// the protophobic boson has none.
///
/// Where ZPrime is deliberately different the rows are sorted into classes, each bounded by the size
/// measured when the fixture was made (docs/limits.md gives the table):
/// - **range**: the port's coupling lies beyond what ZPrime recasts (g_X <= 10; |eps| <= 0.99, which
///   for the protophobic boson's tied eps means g_X <= 0.2001; a published eps >= 0.99), or
///   a nu-e scattering mass where one threshold on |Delta sigma| fails for the published model
///   (see ``scatteringIdentity(_:)``): ZPrime must then report nothing, with the reason;
/// - **hadrons**: m > 1.7 GeV, where DarkCast freezes its hadronic R at its 2 GeV value and ZPrime
///   uses perturbative QCD with open-flavour thresholds: at most 12 %;
/// - **strong coupling**: a recast coupling above 0.05, where ZPrime's exact photon-Z-Z' mixing moves
///   the couplings at relative order g^2: at most 30 %;
/// - **Z mixing**: m > 10 GeV, where the published dark photon's Z admixture (order m^2/m_Z^2) is
///   exact in ZPrime and absent in DarkCast: at most a factor 4.7 (LEP at 88 GeV, next to the Z pole).
///   The L_mu - L_tau CHARM-II row at 200 GeV also falls here: the port (like DarkCast's model
///   files) evaluates the loop-induced electron coupling at q^2 = m^2, where the mu and tau loops
///   cancel, while nu-e scattering happens at q^2 ~ 0 (ZPrime: 1.74 against the port's 190);
/// - **nu-e scattering**: ZPrime's SM couplings use the low-energy sin^2 theta_W = 0.2386 and keep
///   the published model's own root: at most 65 % (checked separately by the identity below).
/// Everything else must agree to DarkCast's 1 %. Measured: B-L's lower edges to 6e-4 (mostly 1e-6
/// to 1e-4: DarkCast's e = 0.302822 and meson masses), the protophobic boson's to 2.8e-3 (its tied
/// eps = rho c/sqrt(c^2 - rho^2), rho = g_X/e, is exact in ZPrime: relative O(rho^2) at g_X ~ 0.03),
/// upper edges of displaced islands to 3e-3, and L_mu - L_tau to 5.3e-3, where ZPrime also adds the
/// loop-induced photon mixing to the
/// muon and tau couplings (relative e eps_loop/g = e^2 ln(m_tau^2/m_mu^2)/(12 pi^2) = 4.4e-3 at low
/// mass; the port, like DarkCast's model, gives it to the electron and quarks only).
@Suite struct DarkCastAgreementTests {
    struct Row: Decodable { let model: String; let limit: String; let mass: Double; let lower: Double; let upper: Double? }
    struct Fixture: Decodable { let recasts: [Row] }

    enum Class: String, CaseIterable { case strict, range, hadrons, strongCoupling, zMixing, scattering }

    static let fixture: [Row] = {
        let data = try! Data(contentsOf: Support.fixtures.appendingPathComponent("darkcast-recast.json"))
        return try! JSONDecoder().decode(Fixture.self, from: data).recasts
    }()

    static func neutrinos(_ model: String) -> LightNeutrinos { model == "B-L" ? .dirac : .leftHandedMajorana }

    /// The largest relative deviation allowed in each class (measured: see the suite's comment).
    static let bound: [Class: Double] = [.strict: 1e-2, .hadrons: 0.12, .strongCoupling: 0.30, .zMixing: 4.7, .scattering: 0.65]

    @Test(arguments: ["B-L", "Lmu-Ltau", "protophobic"])
    func agreement(_ model: String) throws {
        let rows = Self.fixture.filter { $0.model == model }
        #expect(rows.count > 300)
        var counts: [Class: Int] = [:], worst: [Class: Double] = [:], worstLower = 0.0
        for (name, group) in Dictionary(grouping: rows, by: \.limit) {
            let limit = try Support.limit(name)
            let prepared = try PreparedLimit(limit: limit, point: try Support.point(model, neutrinos: Self.neutrinos(model)))
            let sorted = group.sorted { $0.mass < $1.mass }
            let recast = try prepared.recast(masses: sorted.map(\.mass))
            let top = prepared.model.couplingRange.upperBound
            for (row, z) in zip(sorted, recast) {
                let where_ = "\(model) \(name) at \(row.mass) GeV"
                guard let lower = z.lower else {
                    // Beyond ZPrime's coupling range, a published eps >= 0.99, or a nu-e scattering mass
                    // where the threshold method fails for the published model: nothing is recast.
                    let reason = z.note ?? ""
                    #expect(row.lower >= top || reason.contains("largest coupling") || reason.contains("destructive interference"),
                            "\(where_): no exclusion in ZPrime (\(reason)), the port finds \(row.lower)")
                    counts[.range, default: 0] += 1
                    continue
                }
                let c: Class
                if row.mass > 10 { c = .zMixing }
                else if limit.definition.neutrinoScattering != nil { c = .scattering }
                else if row.lower > 0.05 || lower > 0.05 { c = .strongCoupling }
                else if row.mass > 1.7 { c = .hadrons }
                else { c = .strict }
                var deviation = abs(lower / row.lower - 1)
                if c == .strict { worstLower = max(worstLower, deviation) }
                if let u = row.upper, let zu = z.upper { deviation = max(deviation, abs(zu / u - 1)) }
                if row.upper != nil, c == .strict { #expect(z.upper != nil, "\(where_): no upper edge (the port: \(row.upper!))") }
                #expect(deviation < Self.bound[c]!, "\(where_) [\(c)]: ZPrime \(lower)...\(z.upper.map { "\($0)" } ?? "") against \(row.lower)...\(row.upper.map { "\($0)" } ?? "")")
                counts[c, default: 0] += 1
                worst[c] = max(worst[c] ?? 0, deviation)
            }
        }
        // The strict class carries most rows: the comparison is not emptied by the classes.
        #expect(counts[.strict, default: 0] >= 60, "\(model): only \(counts[.strict, default: 0]) strict rows")
        #expect(worstLower < (model == "Lmu-Ltau" ? 6e-3 : 3e-3), "\(model): strict lower edges agree to \(worstLower)")
        print("DarkCast agreement \(model):", Class.allCases.map { "\($0.rawValue) \(counts[$0, default: 0]) rows, worst \(worst[$0].map { String(format: "%.2g", $0) } ?? "-")" }.joined(separator: "; "))
    }

    /// The identity for the nu-e scattering limits, whose published model is B-L (Dirac neutrinos):
    /// the recast returns the published curve to 1e-6. At masses where one threshold on |Delta sigma|
    /// cannot reproduce the published bound (the published model's destructive interference makes
    /// |Delta sigma| exceed the bound at smaller couplings) another model is not recast (a note, never
    /// an exclusion) while B-L itself keeps its published curve: before this check the recast
    /// excluded B-L at CHARM-II down to g = 1.5e-5 at 17 MeV, four times below the published 6.4e-5.
    @Test(arguments: ["CHARMII_Bauer2018onh", "Borexino_Bauer2018onh", "Texono_Bauer2018onh"])
    func scatteringIdentity(_ name: String) throws {
        let limit = try Support.limit(name)
        guard case .curve(let curve) = limit.bound else { Issue.record("\(name) is a curve"); return }
        let prepared = try PreparedLimit(limit: limit, point: try Support.point("B-L", neutrinos: .dirac))
        let masses = curve.masses.indices.filter { curve.hasBound($0) && curve.masses[$0] > 0 }.map { curve.masses[$0] }
        // The same B-L with left-handed neutrinos only is another model: it shows where the check fails.
        let other = try PreparedLimit(limit: limit, point: try Support.point("B-L", neutrinos: .leftHandedMajorana))
        var skipped: [Double] = []
        for (row, otherRow) in zip(try prepared.recast(masses: masses), try other.recast(masses: masses)) {
            let edges = try #require(curve.edges(at: row.mass))
            if otherRow.lower == nil, otherRow.note?.contains("destructive interference") == true { skipped.append(row.mass) }
            let lower = try #require(row.lower, "\(name) at \(row.mass): \(row.note ?? "no note")")
            #expect(abs(lower / edges.lower - 1) < 1e-6, "\(name) at \(row.mass): \(lower) against \(edges.lower)")
            // At the published point and just above it the check verdict agrees.
            #expect(prepared.evaluate(mass: row.mass, coupling: edges.lower * 1.01).verdict == .excluded)
            #expect(prepared.evaluate(mass: row.mass, coupling: edges.lower * 0.5).verdict == .allowed)
        }
        if name == "CHARMII_Bauer2018onh" {
            #expect(skipped == [0.017008, 0.022561], "\(skipped)")
            #expect(other.evaluate(mass: 0.017008, coupling: 3e-5).verdict != .excluded)
            #expect(prepared.evaluate(mass: 0.017008, coupling: 3e-5).verdict == .allowed)
        } else {
            #expect(skipped.isEmpty, "\(skipped)")
        }
    }
}
