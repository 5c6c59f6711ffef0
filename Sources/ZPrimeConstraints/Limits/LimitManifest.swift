import Foundation
import ZPrimeCore
import ZPrimeDecays
import ZPrimeModels
import ZPrimePoint

/// Reads manifest entries (schema `zprime-darkcast-limits/1`, the layout of
/// `LimitData/manifest.json`) into ``LimitDefinition``s. Every missing or malformed field is a
/// ``Problem`` of kind ``Problem/Kind/dataFile`` naming the manifest, the limit and the field.
struct ManifestReader {
    let source: String

    /// A JSON object with typed accessors that name the field path in their errors.
    struct Object {
        let values: [String: Any]
        let path: String
        let source: String

        func fail(_ field: String, _ message: String, value: String? = nil) -> Problem {
            Problem.invalid(.field("\(source): \(path).\(field)"), text: value, message, kind: .dataFile)
        }
        func has(_ key: String) -> Bool { values[key] != nil && !(values[key] is NSNull) }
        func string(_ key: String) throws(Problem) -> String {
            guard let s = values[key] as? String, !s.isEmpty else { throw fail(key, "missing or not a string") }
            return s
        }
        func optionalString(_ key: String) -> String? { values[key] as? String }
        func number(_ key: String) throws(Problem) -> Double {
            guard let n = values[key] as? NSNumber, n.doubleValue.isFinite else {
                throw fail(key, "missing or not a finite number", value: values[key].map { "\($0)" })
            }
            return n.doubleValue
        }
        func optionalNumber(_ key: String) -> Double? {
            guard let n = values[key] as? NSNumber, n.doubleValue.isFinite else { return nil }
            return n.doubleValue
        }
        func bool(_ key: String) throws(Problem) -> Bool {
            guard let n = values[key] as? NSNumber else { throw fail(key, "missing or not true/false") }
            return n.boolValue
        }
        func object(_ key: String) throws(Problem) -> Object {
            guard let o = values[key] as? [String: Any] else { throw fail(key, "missing or not an object") }
            return Object(values: o, path: "\(path).\(key)", source: source)
        }
        func array(_ key: String) throws(Problem) -> [Any] {
            guard let a = values[key] as? [Any] else { throw fail(key, "missing or not an array") }
            return a
        }
        func strings(_ key: String) throws(Problem) -> [String] {
            guard let a = values[key] as? [String] else { throw fail(key, "missing or not a list of strings") }
            return a
        }
    }

    /// The root of a manifest.
    static func root(_ data: Data, source: String) throws(Problem) -> [String: Any] {
        let json: Any
        do { json = try JSONSerialization.jsonObject(with: data) } catch {
            throw Problem.invalid(.field(source), text: "invalid JSON", "cannot be read as JSON: \(error.localizedDescription)", kind: .dataFile)
        }
        guard let root = json as? [String: Any] else {
            throw Problem.invalid(.field(source), text: nil, "the manifest must be a JSON object", kind: .dataFile)
        }
        return root
    }

    /// The limit entries of a manifest root: its `limits` array, or the root itself when it is a
    /// single entry (a file holding one new limit).
    static func entries(_ root: [String: Any], source: String) throws(Problem) -> [[String: Any]] {
        if let limits = root["limits"] {
            guard let list = limits as? [[String: Any]] else {
                throw Problem.invalid(.field("\(source): limits"), text: nil, "must be a list of limit objects", kind: .dataFile)
            }
            return list
        }
        if root["name"] != nil && root["bounds"] != nil { return [root] }
        throw Problem.invalid(.field(source), text: nil, "has neither a 'limits' list nor a single limit entry (name, bounds, ...)", kind: .dataFile)
    }

    /// Parses one entry; `tables` are the production-fraction tables loaded from the manifest.
    func definition(_ entry: [String: Any], index: Int, tables: [String: ProductionTable]) throws(Problem) -> LimitDefinition {
        let name = (entry["name"] as? String) ?? "#\(index)"
        let o = Object(values: entry, path: "limits[\(index)] (\(name))", source: source)
        let name_ = try o.string("name")
        guard name_.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
            throw o.fail("name", "may contain only letters, digits, '_' and '-'", value: name_)
        }
        let experiment = try o.string("experiment")
        let category = try o.string("category")
        guard let year = o.optionalNumber("year").map({ Int($0) }) else { throw o.fail("year", "missing or not a number") }

        // Citation.
        let c = try o.object("citation")
        var citation = LimitCitation()
        citation.firstAuthor = c.optionalString("first_author")
        citation.collaboration = c.optionalString("collaboration")
        citation.title = c.optionalString("title")
        citation.journal = c.optionalString("journal")
        citation.volume = c.optionalString("volume")
        citation.pages = c.optionalString("pages")
        citation.year = c.optionalNumber("year").map { Int($0) }
        citation.arXiv = c.optionalString("arxiv")
        citation.inspireKey = c.optionalString("inspire_key")
        citation.reportNumber = c.optionalString("report_number")
        guard citation.arXiv != nil || citation.journal != nil || citation.reportNumber != nil else {
            throw c.fail("arxiv", "a citation needs an arXiv number, a journal or a report number")
        }

        // Published model.
        let p = try o.object("published_model")
        let published = try publishedModel(p)

        // Production.
        let prod = try o.object("production")
        var mechanisms: [(ProductionMechanism, ProductionFraction)] = []
        let tableName = prod.optionalString("fraction_table")
        let table = tableName.flatMap { tables[$0] }
        if let tableName, table == nil { throw prod.fail("fraction_table", "no production table of this name in the manifest", value: tableName) }
        for (k, item) in try prod.array("mechanisms").enumerated() {
            guard let m = item as? [String: Any] else { throw prod.fail("mechanisms[\(k)]", "not an object") }
            let mo = Object(values: m, path: "\(prod.path).mechanisms[\(k)]", source: source)
            let key = try mo.string("key")
            let mechanism: ProductionMechanism
            do { mechanism = try ProductionMechanism(key: key) } catch { throw mo.fail("key", error.message, value: key) }
            let fraction: ProductionFraction
            if let f = mo.optionalNumber("fraction") {
                guard f >= 0, f <= 1 else { throw mo.fail("fraction", "must be between 0 and 1", value: "\(f)") }
                fraction = .constant(f)
            } else if let text = mo.optionalString("fraction"), text == "step" {
                let rule = try mo.string("fraction_rule")
                fraction = try Self.step(rule, mo)
            } else if let text = mo.optionalString("fraction"), text.contains("fraction_table") {
                guard let table, let column = table.mechanisms.firstIndex(of: mechanism) else {
                    throw mo.fail("fraction", "refers to the fraction table, which has no column '\(key)'")
                }
                fraction = .table(column: column)
            } else {
                throw mo.fail("fraction", "must be a number, 'step' (with fraction_rule) or the fraction table")
            }
            mechanisms.append((mechanism, fraction))
        }
        guard !mechanisms.isEmpty else { throw prod.fail("mechanisms", "needs at least one production mechanism") }
        var scattering: (Double, [NeutrinoScatteringProcess])?
        if mechanisms.contains(where: { $0.0 == .neutrinoScattering }) {
            let nu = try prod.object("nu_scattering")
            let energy = try nu.number("neutrino_energy_GeV")
            guard energy > 0 else { throw nu.fail("neutrino_energy_GeV", "must be > 0", value: "\(energy)") }
            var processes: [NeutrinoScatteringProcess] = []
            for text in try nu.strings("processes") { processes.append(try NeutrinoScatteringProcess(text: text)) }
            guard !processes.isEmpty else { throw nu.fail("processes", "needs at least one process") }
            scattering = (energy, processes)
            guard mechanisms.count == 1 else { throw prod.fail("mechanisms", "nu_scat cannot be combined with other mechanisms") }
        }

        // Decay.
        let d = try o.object("decay")
        let decay: FinalStates
        do { decay = try FinalStates(names: try d.strings("final_states"), field: "\(source): \(d.path).final_states") } catch { throw error }

        // Efficiency.
        let e = try o.object("efficiency")
        let efficiency = try Self.efficiency(e)

        // Validity and applicability.
        let v = try o.object("valid_for")
        let validVector = try v.bool("vector"), validAxial = try v.bool("axial")
        var applicability = Applicability.recast
        if let text = o.optionalString("applicability") {
            switch text {
            case "recast": break
            case "published_model_only": applicability = .publishedModelOnly(try o.string("applicability_reason"))
            default: throw o.fail("applicability", "must be 'recast' or 'published_model_only'", value: text)
            }
        }

        // Bounds.
        let b = try o.object("bounds")
        let file = try b.string("file")
        guard !file.hasPrefix("/"), !file.split(separator: "/").contains("..") else {
            throw b.fail("file", "must be a path inside the manifest's folder", value: file)
        }
        let formatText = try b.string("format")
        let format: BoundFormat
        switch formatText {
        case "lower": format = .lower
        case "lower_upper": format = .lowerUpper
        case "rvalue_grid": format = .rValueGrid
        case "polygon":
            let poly = try b.object("polygon")
            let power = Int(try poly.number("coupling_power"))
            guard let kind = PolygonEdges.Kind(rawValue: try poly.string("edges")) else {
                throw poly.fail("edges", "must be 'island' or 'lower'")
            }
            format = .polygon(power: power, edges: kind)
        default: throw b.fail("format", "must be lower, lower_upper, rvalue_grid or polygon", value: formatText)
        }
        switch (format, efficiency) {
        case (.rValueGrid, .rValueGrid): break
        case (.rValueGrid, _), (_, .rValueGrid): throw e.fail("type", "rvalue_grid efficiency and bounds go together")
        case (.lower, .displaced), (.polygon(_, .lower), .displaced):
            throw e.fail("type", "a displaced_lratio efficiency needs lower and upper edges (lower_upper or an island polygon)")
        default: break
        }
        let range: ClosedRange<Double>
        if let r = o.values["mass_range_GeV"] as? [NSNumber], r.count == 2, r[0].doubleValue <= r[1].doubleValue {
            range = r[0].doubleValue...r[1].doubleValue
        } else if case .polygon = format {
            range = 0...0   // computed from the polygon by the catalogue
        } else {
            throw o.fail("mass_range_GeV", "missing: needs [lowest, highest] mass in GeV")
        }
        return LimitDefinition(
            name: name_, experiment: experiment, categoryText: category, year: year, citation: citation, published: published,
            production: mechanisms.map { (mechanism: $0.0, fraction: $0.1) }, productionTable: table,
            neutrinoScattering: scattering.map { (energy: $0.0, processes: $0.1) }, decay: decay, efficiency: efficiency,
            validForVector: validVector, validForAxial: validAxial, applicability: applicability, format: format, file: file,
            sha256: b.optionalString("sha256"), rowCount: b.optionalNumber("n_rows").map { Int($0) }, massRange: range,
            boundTypeText: o.optionalString("bound_type") ?? "", confidenceLevel: o.optionalNumber("confidence_level"),
            summary: o.optionalString("description") ?? "", remarks: (o.values["remarks"] as? [String]) ?? [])
    }

    func publishedModel(_ p: Object) throws(Problem) -> PublishedModel {
        let name = try p.string("name")
        let modelName: String
        var neutrinos = LightNeutrinos.leftHandedMajorana
        switch name {
        case "dark_photon": modelName = "dark-photon"
        case "B-L_boson": modelName = "B-L"; neutrinos = .dirac
        default: modelName = name
        }
        if let text = p.optionalString("neutrinos") {
            guard let n = LightNeutrinos(rawValue: text) else { throw p.fail("neutrinos", "must be majorana, dirac or light-sterile", value: text) }
            neutrinos = n
        }
        guard let model = BuiltinModels.model(named: modelName) else {
            throw p.fail("name", "not a built-in model (zprime models) or a DarkCast model ZPrime knows (dark_photon, B-L_boson)", value: name)
        }
        var states: FinalStates?
        if let list = p.values["total_width_states"] as? [String], Set(list) != ["visible", "invisible"] {
            states = try FinalStates(names: list, field: "\(source): \(p.path).total_width_states")
        }
        var dark = DarkSector.none
        if let text = p.optionalString("extra_dark_width") {
            let parts = text.split(separator: " ")
            guard parts.count >= 3, let factor = Double(parts[0]), parts[1] == "x", parts[2] == "visible" else {
                throw p.fail("extra_dark_width", "expected 'N x visible width'", value: text)
            }
            dark = .visibleMultiple(factor)
        }
        return PublishedModel(model: model, neutrinos: neutrinos, darkSector: dark, totalWidthStates: states,
                              couplingMeaning: p.optionalString("coupling_meaning") ?? p.optionalString("coupling_axis") ?? "")
    }

    static func step(_ rule: String, _ o: Object) throws(Problem) -> ProductionFraction {
        // "1 if m < 0.133958 GeV else 0" or "1 if m >= 0.133958 GeV else 0"
        let words = rule.split(separator: " ").map(String.init)
        guard words.count >= 5, words[0] == "1", words[1] == "if", words[2] == "m", let threshold = Double(words[4]) else {
            throw o.fail("fraction_rule", "expected '1 if m < X GeV else 0' or '1 if m >= X GeV else 0'", value: rule)
        }
        switch words[3] {
        case "<": return .step(threshold: threshold, below: true)
        case ">=": return .step(threshold: threshold, below: false)
        default: throw o.fail("fraction_rule", "the comparison must be '<' or '>='", value: rule)
        }
    }

    static func efficiency(_ e: Object) throws(Problem) -> EfficiencyModel {
        let type = try e.string("type")
        switch type {
        case "prompt_unbounded": return .promptUnbounded
        case "displaced_lratio":
            let r = try e.number("lratio")
            guard r > 0 else { throw e.fail("lratio", "must be > 0", value: "\(r)") }
            return .displaced(lengthRatio: r)
        case "rvalue_grid": return .rValueGrid
        case "prompt_tmax":
            let model = try e.string("t1_model")
            let t = try e.object("t1_parameters")
            let cut: ProperTimeCut
            switch model {
            case "cms_piecewise":
                cut = .piecewise(firstBreak: try t.number("m_break1_GeV"), secondBreak: try t.number("m_break2_GeV"), flat: try t.number("t1_flat_s"),
                                 slope: try t.number("slope_s_per_GeV"), intercept: try t.number("intercept_s"))
            case "flight_distance_phi_peak":
                cut = .flightFromPhiPeak(length: try t.number("L_m"), phiMass: try t.number("m_phi_GeV"), speedOfLight: try t.number("c_m_per_s"))
            case "flight_distance_phi_to_eta":
                cut = .flightFromPhiToEta(length: try t.number("L_m"), phiMass: try t.number("m_phi_GeV"), etaMass: try t.number("m_eta_GeV"),
                                          speedOfLight: try t.number("c_m_per_s"))
            case "flight_distance_fixed_boost":
                cut = .flightWithFixedBoost(length: try t.number("L_m"), maximumEnergy: try t.number("E_max_GeV"), speedOfLight: try t.number("c_m_per_s"))
            case "lhcb_prompt_like":
                cut = .promptLike(a: try t.number("a_ps_GeV"), b: try t.number("b_ps"), muonMass: try t.number("m_mu_GeV"))
            default:
                throw e.fail("t1_model", "unknown (cms_piecewise, flight_distance_phi_peak, flight_distance_phi_to_eta, flight_distance_fixed_boost, lhcb_prompt_like)", value: model)
            }
            // Check the implementation against the manifest's own evaluations of t1 (its sample masses
            // are printed to 6 significant digits, so the comparison allows 1e-4 relative).
            if let samples = e.values["t1_samples_GeV_s"] as? [[Any]] {
                for sample in samples where sample.count == 2 {
                    guard let m = (sample[0] as? NSNumber)?.doubleValue else { continue }
                    let expected = (sample[1] as? NSNumber)?.doubleValue ?? .infinity
                    let got = cut.maximumTime(mass: m)
                    let agrees = expected.isInfinite ? got.isInfinite : abs(got - expected) <= 1e-4 * abs(expected)
                    guard agrees else {
                        throw e.fail("t1_samples_GeV_s", "t1(\(m) GeV) = \(got) s from the formula, the manifest says \(expected) s")
                    }
                }
            }
            return .prompt(cut)
        default:
            throw e.fail("type", "unknown efficiency type (prompt_unbounded, prompt_tmax, displaced_lratio, rvalue_grid)", value: type)
        }
    }
}
