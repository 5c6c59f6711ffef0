import ComplexModule
import Foundation
import Synchronization
import RealModule
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeModels
import ZPrimePoint

/// One limit prepared for one model: recast to the model's coupling at any mass, and evaluated at
/// (mass, coupling), by the method of Ilten, Soreq, Williams, Xue (arXiv:1801.04847, section 2).
///
/// **The recast equation.** A search bounds the published model (coupling g_ref(m)) and is assumed
/// to bound any vector X of the same mass whose expected signal is the same:
///
///     R(g) = [sum_i f_i(m) sigma_i,X(g)/sigma_i,ref(g_ref)] [BR_X(F; g)/BR_ref(F)] [P(tau_X(g))/P(tau_ref)] = 1,
///
/// with f_i the published production fractions, sigma_i the mechanism factors
/// (``ProductionMechanism``), BR the branching ratio into the final states F of the search and P the
/// probability to decay in the search's proper-time window (``EfficiencyModel``). R is the ratio of
/// the model's expected signal to the bound: R > 1 is excluded. Both models are ZPrime's own physics
/// (couplings with the exact mixing, widths of the decays stage above and below 2 GeV, the point's
/// neutrinos and dark sector), so recasting the published model to itself returns its curve.
///
/// **Solving.** At each mass the excluded couplings are the set R > 1 on ``ModelResponse/couplingRange``.
/// ln R is scanned on a log grid (2 points per decade, plus the published edges, the zeros of the
/// production and signal-width polynomials where cancellations make R vanish, and refined extrema
/// that could hide a narrow island), every sign change is solved by Brent's method in ln g on the
/// quadratic surrogate (``ModelResponse``) to 1e-12, and, unless the surrogate is exact (affine
/// couplings), polished with exact evaluations until ln R is below 1e-9 (coupling to better than
/// 1e-9 relative). DarkCast solves to 1e-2.
///
/// ```swift
/// let limit = try LimitCatalogue.bundled().limit(named: "E137_Andreas2012mt")!
/// let point = try ParameterPoint(model: BuiltinModels.model(named: "B-L")!, mass: 0.01, coupling: 1e-6)
/// let prepared = try PreparedLimit(limit: limit, point: point)
/// let rows = try prepared.recast()          // one row per native mass: excluded intervals of g_B-L
/// let result = prepared.evaluate(mass: 0.01, coupling: 1e-7)   // verdict and signal/bound ratio
/// ```
public struct PreparedLimit: Sendable {
    /// The limit.
    public let limit: Limit
    /// The model.
    public let model: ModelResponse
    /// The published model.
    public let reference: ModelResponse
    /// Why the limit does not apply to the model at all, or nil.
    public let notApplicableReason: String?
    /// Whether the point is the published model itself (same charges, no kinetic mixing, no dark
    /// sector, the published neutrino nature): where the recast's assumptions fail for the
    /// published model (``Reference/inconsistency``) its published curve is still its bound.
    let isPublishedModel: Bool
    /// The published model's side at the masses evaluated last (a scan at fixed mass pays it once).
    let referenceCache = ReferenceCache()

    /// A small thread-safe memo of references by mass, owned by one prepared limit (not global).
    final class ReferenceCache: Sendable {
        let storage = Mutex<[Double: Reference?]>([:])
        static let capacity = 256
    }

    /// ``makeReference(mass:lower:upper:)`` through the cache.
    func cachedReference(mass m: Double, lower: Double, upper: Double?) throws(Problem) -> Reference? {
        if let hit = referenceCache.storage.withLock({ $0[m] }) { return hit }
        let value = try makeReference(mass: m, lower: lower, upper: upper)
        referenceCache.storage.withLock { cache in
            if cache.count >= ReferenceCache.capacity { cache.removeAll() }
            cache[m] = value
        }
        return value
    }

    /// The tolerance on ln R of the polished roots (the coupling is then known to better than 1e-9 relative).
    public static let logRatioTolerance = 1e-10

    /// Prepares `limit` for the model and discrete choices of `point` (its mass and coupling are
    /// only starting values).
    public init(limit: Limit, point: ParameterPoint, response: ModelResponse? = nil) throws(Problem) {
        self.limit = limit
        if let response { model = response } else { model = try ModelResponse(point: point) }
        let published = limit.definition.published
        let axisIsEps = !published.model.isU1Charged
        let referencePoint = try ParameterPoint(model: published.model, mass: max(point.mass, 1e-3), coupling: axisIsEps ? 0 : 1e-3,
                                                kineticMixing: axisIsEps ? .fixed(1e-3) : .none, loopMixing: .off,
                                                neutrinos: published.neutrinos, darkSector: published.darkSector)
        reference = try ModelResponse(point: referencePoint)
        notApplicableReason = Self.applicability(limit.definition, point: point)
        isPublishedModel = Self.hasPublishedCharges(point, published.model)
            && point.kineticMixing == .none && point.loopMixing != .estimate && point.loopMixing != .on
            && point.darkSector == published.darkSector && point.neutrinos == published.neutrinos
    }

    /// Whether `point`'s model has the charges of `published` (fermions and Higgs; both or neither
    /// kinetic-mixing only).
    static func hasPublishedCharges(_ point: ParameterPoint, _ published: Model) -> Bool {
        point.model.isKineticMixingOnly == published.isKineticMixingOnly
            && normalisedCharges(point.model) == normalisedCharges(published)
            && point.model.higgsCharge == published.higgsCharge
    }

    /// The reason the limit cannot be applied to `point`'s model, or nil.
    static func applicability(_ d: LimitDefinition, point: ParameterPoint) -> String? {
        if case .publishedModelOnly(let reason) = d.applicability {
            let published = d.published.model
            let sameModel = hasPublishedCharges(point, published)
            let noMixing = published.isKineticMixingOnly || (point.kineticMixing == .none && point.loopMixing != .estimate)
            if !sameModel || !noMixing || point.darkSector != .none {
                return "valid only for the published model \(published.name) without kinetic mixing or dark sector: \(reason)"
            }
        }
        if !d.validForAxial, let why = axialReason(point) {
            return "not valid for models with axial couplings (\(why)); the limit assumes a vector boson"
        }
        if !d.validForVector, let why = vectorReason(point) {
            return "not valid for models with vector couplings (\(why))"
        }
        return nil
    }

    static func normalisedCharges(_ model: Model) -> [String: [Rational]] {
        var out: [String: [Rational]] = [:]
        for (species, charges) in model.charges where charges.contains(where: { $0 != .zero }) { out["\(species)"] = charges }
        return out
    }

    /// Why `point` has tree-level axial couplings to charged fermions, or nil: chiral U(1)_X charges
    /// (X_L != X_E, X_Q != X_U or X_D in a family) or a U(1)_X-charged Higgs (Z-Z' mass mixing). The
    /// axial couplings of left-handed neutrinos are not counted, and the small axial coupling of a
    /// kinetically mixed boson's Z admixture (order eps m^2/m_Z^2) is not either.
    static func axialReason(_ point: ParameterPoint) -> String? {
        let m = point.model
        if m.higgsCharge != .zero { return "the Higgs carries X charge: Z-Z' mass mixing" }
        let l = m.charges(of: .L), e = m.charges(of: .E), q = m.charges(of: .Q), u = m.charges(of: .U), d = m.charges(of: .D)
        for f in 0..<3 {
            if l[f] != e[f] { return "X_L != X_E in family \(f + 1)" }
            if q[f] != u[f] || q[f] != d[f] { return "X_Q differs from X_U or X_D in family \(f + 1)" }
        }
        return nil
    }

    /// Why `point` has vector couplings, or nil.
    static func vectorReason(_ point: ParameterPoint) -> String? {
        if point.model.isKineticMixingOnly || point.kineticMixing != .none { return "kinetic mixing" }
        let m = point.model
        for species in [StandardModelSpecies.L, .E, .Q, .U, .D] where m.charges(of: species).contains(where: { $0 != .zero }) {
            return "charged fermions carry X charge"
        }
        return nil
    }

    // MARK: The reference at one mass

    /// The published model's side of the recast equation at one mass.
    struct Reference: Sendable {
        let mass: Double
        /// The published coupling (lower edge) and, for islands, the upper edge.
        let lower: Double
        let upper: Double?
        /// f_i/sigma_i,ref(lower) for each production term list.
        let production: [(terms: [[(Int, Complex<Double>)]], weight: Double)]
        /// The constant production mechanisms' summed fraction (`none`).
        let constantProduction: Double
        /// |Delta sigma| of the published model, and the processes (nu_scat).
        let scattering: (shifts: [NeutrinoElectronShift], reference: Double)?
        /// ln BR_ref(F) (0 for decay 'none').
        let logBranching: Double
        /// The proper-time window and ln P(tau_ref), or nil when the efficiency ratio is 1.
        let window: (t0: Double, t1: Double, logProbability: Double)?
        /// The fraction of production the table assigns (for the identity check).
        let fractionSum: Double
        /// Why the recast's assumptions fail for the published model itself at this mass (nil: they hold).
        var inconsistency: String? = nil
    }

    /// The reference at `mass` with published edges (lower, upper): nil when nothing can be
    /// recast there (no production of the published model, no decay, no window).
    func makeReference(mass m: Double, lower: Double, upper: Double?) throws(Problem) -> Reference? {
        let d = limit.definition
        let state = try reference.state(mass: m, coupling: lower, withStatic: d.neutrinoScattering != nil)
        var production: [(terms: [[(Int, Complex<Double>)]], weight: Double)] = []
        var constant = 0.0, fractionSum = 0.0
        for (i, entry) in d.production.enumerated() {
            let f = d.fraction(i, mass: m)
            fractionSum += f
            guard f > 0 else { continue }
            switch entry.mechanism {
            case .none: constant += f
            case .neutrinoScattering: break
            default:
                let terms = entry.mechanism.terms(mass: m)
                let sigma = state.components.quadraticForm(terms)
                guard sigma > 0 else { continue }   // DarkCast skips a mechanism the published model lacks
                production.append((terms, f / sigma))
            }
        }
        var scattering: (shifts: [NeutrinoElectronShift], reference: Double)?
        var scatteringInconsistency: String?
        if let nu = d.neutrinoScattering {
            let shifts = try nu.processes.map { (p: NeutrinoScatteringProcess) throws(Problem) in try NeutrinoElectronShift(process: p, energy: nu.energy, mass: m) }
            let total = Self.scatteringShift(shifts, state.staticComponents!)
            guard total > 0 else { return nil }
            scattering = (shifts, total)
            scatteringInconsistency = Self.scatteringInconsistency(shifts, state.staticComponents!, total: total, coupling: lower)
        }
        guard !production.isEmpty || constant > 0 || scattering != nil else { return nil }
        // Branching ratio and lifetime of the published model (its total possibly restricted).
        var logBranching = 0.0
        var lifetime = state.widths.lifetimeSeconds
        if !d.decay.isNone {
            let total = d.published.totalWidthStates.map { $0.width(of: state.widths) } ?? state.widths.total
            let signal = d.decay.width(of: state.widths)
            guard total > 0, signal > 0 else { return nil }
            logBranching = log(signal / total)
            lifetime = PhysicalConstants.hbarGeVSeconds / total
        }
        var window: (Double, Double, Double)?
        switch d.efficiency {
        case .promptUnbounded, .rValueGrid: window = nil
        case .prompt(let cut):
            let t1 = cut.maximumTime(mass: m)
            if t1.isFinite {
                guard !d.decay.isNone else { break }
                window = (0, t1, EfficiencyModel.logDecayProbability(lifetime: lifetime, from: 0, to: t1))
            }
        case .displaced(let ratio):
            guard let upper, upper > lower, !d.decay.isNone else { return nil }
            let high = try reference.state(mass: m, coupling: upper)
            let totalHigh = d.published.totalWidthStates.map { $0.width(of: high.widths) } ?? high.widths.total
            let signalHigh = d.decay.width(of: high.widths)
            guard totalHigh > 0, signalHigh > 0 else { return nil }
            let yieldLow = Self.productionValue(production, constant, state.components) * exp(logBranching)
            let yieldHigh = Self.productionValue(production, constant, high.components) * signalHigh / totalHigh
            guard let t0 = DisplacedWindow.start(lowerYield: yieldLow, upperYield: yieldHigh, lowerLifetime: lifetime,
                                                 upperLifetime: PhysicalConstants.hbarGeVSeconds / totalHigh, lengthRatio: ratio) else { return nil }
            let t1 = (1 + ratio) * t0
            window = (t0, t1, EfficiencyModel.logDecayProbability(lifetime: lifetime, from: t0, to: t1))
        }
        return Reference(mass: m, lower: lower, upper: upper, production: production, constantProduction: constant, scattering: scattering,
                         logBranching: logBranching, window: window.map { (t0: $0.0, t1: $0.1, logProbability: $0.2) }, fractionSum: fractionSum,
                         inconsistency: scatteringInconsistency)
    }

    /// Whether one threshold on |Delta sigma| reproduces the published nu-e scattering bound at this
    /// mass: the published model must be allowed at every coupling below its published one, i.e.
    /// |Delta sigma(t g_pub)| < |Delta sigma(g_pub)| for 0 < t < 1. Where the interference with the
    /// SM amplitude is destructive, |Delta sigma| has a minimum and can first rise above the bound at
    /// smaller couplings (B-L at CHARM-II near 17-23 MeV and 0.79 GeV): the published fit (which
    /// uses the measured rate, not a symmetric threshold) allows those couplings, so the threshold
    /// method cannot be trusted for any model there. The published couplings scale with g (the
    /// reference has no kinetic mixing), so the check scales the components; 400 log-spaced t from
    /// 1e-3 to 1 - 1e-4, a margin of 1e-6 on the ratio.
    static func scatteringInconsistency(_ shifts: [NeutrinoElectronShift], _ c: CouplingComponents, total: Double, coupling: Double) -> String? {
        let count = 400
        var worst = (ratio: 0.0, t: 0.0)
        for k in 0..<count {
            let t = exp(log(1e-3) + (log(1 - 1e-4) - log(1e-3)) * Double(k) / Double(count - 1))
            let ratio = scatteringShift(shifts, c.scaled(t)) / total
            if ratio > worst.ratio { worst = (ratio, t) }
        }
        guard worst.ratio > 1 + 1e-6 else { return nil }
        return "the published model's |Delta sigma| at \(coupling * worst.t) exceeds its value at the published coupling \(coupling) "
            + "(destructive interference): one threshold on |Delta sigma| does not reproduce the published bound here, not recast"
    }

    static func productionValue(_ production: [(terms: [[(Int, Complex<Double>)]], weight: Double)], _ constant: Double,
                                _ components: CouplingComponents) -> Double {
        var sum = constant
        for (terms, weight) in production { sum += weight * components.quadraticForm(terms) }
        return sum
    }

    /// sum over processes of |Delta sigma| for couplings at q^2 = 0.
    static func scatteringShift(_ shifts: [NeutrinoElectronShift], _ c: CouplingComponents) -> Double {
        var sum = 0.0
        for shift in shifts {
            let nu = shift.process.flavour.couplingTarget
            sum += abs(shift.shift(neutrinoVector: c.vector(nu).real, neutrinoAxial: c.axial(nu).real,
                                   electronVector: c.vector(.electron).real, electronAxial: c.axial(.electron).real))
        }
        return sum
    }

    // MARK: ln R

    /// The smallest ln R used in the root finding (R = 0 is mapped here).
    static let logFloor = -1000.0

    /// ln R from the model's production, signal width and total width at one coupling.
    @inline(__always)
    func logRatio(_ r: Reference, production: Double, signal: Double, total: Double) -> Double {
        Self.logRatio(production: production, signal: signal, total: total, hasDecay: !limit.definition.decay.isNone,
                      logBranching: r.logBranching, window: r.window)
    }

    /// ln R from plain values (no captured limit: the closures of the scans stay small).
    @inline(__always)
    static func logRatio(production: Double, signal: Double, total: Double, hasDecay: Bool, logBranching: Double,
                         window: (t0: Double, t1: Double, logProbability: Double)?) -> Double {
        guard production > 0 else { return logFloor }
        var h = log(production)
        if hasDecay {
            guard signal > 0, total > 0 else { return logFloor }
            h += log(signal / total) - logBranching
            if let w = window {
                let lp = EfficiencyModel.logDecayProbability(lifetime: PhysicalConstants.hbarGeVSeconds / total, from: w.t0, to: w.t1)
                guard lp.isFinite else { return logFloor }
                h += lp - w.logProbability
            }
        }
        return max(h, logFloor)
    }

    /// ln R exactly at (m, g).
    func exactLogRatio(_ r: Reference, coupling g: Double) throws(Problem) -> Double {
        let state = try model.state(mass: r.mass, coupling: g, withStatic: r.scattering != nil)
        return exactLogRatio(r, state: state)
    }

    /// ln R for a computed model state.
    func exactLogRatio(_ r: Reference, state: ModelState) -> Double {
        let production: Double
        if let s = r.scattering {
            production = Self.scatteringShift(s.shifts, state.staticComponents!) / s.reference
        } else {
            production = Self.productionValue(r.production, r.constantProduction, state.components)
        }
        let d = limit.definition
        return logRatio(r, production: production, signal: d.decay.width(of: state.widths), total: state.widths.total)
    }

    /// ln R on a surrogate: a closure over precomputed polynomials.
    func surrogateLogRatio(_ r: Reference, _ s: CouplingSurrogate) -> (Double) -> Double {
        var production = Quadratic(a2: 0, a1: 0, a0: r.constantProduction)
        for (terms, weight) in r.production { production = production + weight * s.production(terms) }
        let d = limit.definition
        let signal = s.width(d.decay.channels)
        let signalIncludesDark = d.decay.channels.contains(.invisible)
        let total = s.total, visible = s.visible
        let scattering = r.scattering
        let hasDecay = !d.decay.isNone, logBranching = r.logBranching, window = r.window
        let dark = s.dark, staticA = s.staticA, staticB = s.staticB
        return { g in
            let p: Double
            if let scattering, let a = staticA {
                let c = CouplingSurrogate.components(g, a, staticB)
                p = Self.scatteringShift(scattering.shifts, c) / scattering.reference
            } else {
                p = production(g)
            }
            let darkWidth = CouplingSurrogate.darkWidth(dark, visible: visible(g))
            return Self.logRatio(production: p, signal: signal(g) + (signalIncludesDark ? darkWidth : 0), total: total(g) + darkWidth,
                                 hasDecay: hasDecay, logBranching: logBranching, window: window)
        }
    }

    /// The couplings where ln R may vanish (polynomial roots), added to the scan.
    func specialPoints(_ r: Reference, _ s: CouplingSurrogate) -> [Double] {
        var points = [r.lower]
        if let u = r.upper { points.append(u) }
        for (terms, _) in r.production { points += s.production(terms).positiveRoots }
        points += s.width(limit.definition.decay.channels).positiveRoots
        return points
    }

    // MARK: Solving

    /// The excluded intervals at one mass, from a reference.
    func excludedIntervals(_ r: Reference) throws(Problem) -> [CouplingInterval] {
        let range = model.couplingRange
        let guess = min(max(r.lower, range.lowerBound * 10), range.upperBound / 10)
        let surrogate = try model.surrogate(mass: r.mass, around: guess, withStatic: r.scattering != nil)
        let h = surrogateLogRatio(r, surrogate)
        if let intervals = scalingIntervals(r, surrogate, h) { return intervals }
        let lnLow = log(range.lowerBound), lnHigh = log(range.upperBound)
        var grid: [Double] = []
        let perDecade = 2.0
        let steps = Int(((lnHigh - lnLow) / log(10)) * perDecade)
        for k in 0...steps { grid.append(lnLow + (lnHigh - lnLow) * Double(k) / Double(steps)) }
        for p in specialPoints(r, surrogate) where p > range.lowerBound && p < range.upperBound {
            grid.append(log(p))
            grid.append(log(p) - 0.05)
            grid.append(log(p) + 0.05)
        }
        grid.sort()
        var values = grid.map { h(exp($0)) }
        // Refine extrema between grid points that could hide a pair of sign changes.
        var extra: [(Double, Double)] = []
        for i in 1..<(grid.count - 1) {
            let (a, b, c) = (values[i - 1], values[i], values[i + 1])
            let isMax = b >= a && b >= c && b < 0 && b > -50
            let isMin = b <= a && b <= c && b > 0 && b < 50
            guard isMax || isMin else { continue }
            var lo = grid[i - 1], hi = grid[i + 1]
            let sign = isMax ? 1.0 : -1.0
            // Golden-section search for the extremum of sign * h.
            let phi = (5.0.squareRoot() - 1) / 2
            var x1 = hi - phi * (hi - lo), x2 = lo + phi * (hi - lo)
            var f1 = sign * h(exp(x1)), f2 = sign * h(exp(x2))
            for _ in 0..<40 {
                if f1 > f2 { hi = x2; x2 = x1; f2 = f1; x1 = hi - phi * (hi - lo); f1 = sign * h(exp(x1)) }
                else { lo = x1; x1 = x2; f1 = f2; x2 = lo + phi * (hi - lo); f2 = sign * h(exp(x2)) }
                if hi - lo < 1e-9 { break }
            }
            let x = f1 > f2 ? x1 : x2
            extra.append((x, sign * max(f1, f2)))
        }
        if !extra.isEmpty {
            for (x, v) in extra { grid.append(x); values.append(v) }
            let order = grid.indices.sorted { grid[$0] < grid[$1] }
            grid = order.map { grid[$0] }
            values = order.map { values[$0] }
        }
        // Brackets of sign changes, solved on the surrogate in ln g.
        var roots: [(Double, Bool)] = []   // (ln g, rising: excluded above)
        for i in 0..<(grid.count - 1) where (values[i] > 0) != (values[i + 1] > 0) {
            let rising = values[i + 1] > 0
            let root = try RootFinding.brent(lower: grid[i], upper: grid[i + 1], relativeTolerance: 0, absoluteTolerance: 1e-13,
                                             variable: .coupling) { h(exp($0)) }
            roots.append((root.x, rising))
        }
        // Polish with exact evaluations unless the surrogate is exact.
        if model.linearity == .general {
            roots = try roots.map { (x, rising) throws(Problem) in (try polish(r, x, surrogate: h), rising) }
        }
        // Intervals.
        var intervals: [CouplingInterval] = []
        var start: Double? = values[0] > 0 ? range.lowerBound : nil
        for (x, rising) in roots {
            if rising { start = exp(x) } else if let s = start { intervals.append(CouplingInterval(lower: s, upper: exp(x))); start = nil }
        }
        if let s = start { intervals.append(CouplingInterval(lower: s, upper: nil)) }
        return intervals
    }

    /// The exact solution when R is a pure power of g: a model whose couplings are all proportional
    /// to g (``ModelResponse/Linearity/proportional``), no lifetime window (the efficiency ratio is
    /// 1), no constant production term, no neutrino scattering and a dark width that is absent or a
    /// multiple of the visible one. Then every width and production factor is a2 g^2, the branching
    /// ratio does not depend on g and ln R(g) = ln R(g0) + 2 ln(g/g0): the single root is
    /// g* = g0 exp(-ln R(g0)/2), excluded above. nil when R is not of that form.
    func scalingIntervals(_ r: Reference, _ s: CouplingSurrogate, _ h: (Double) -> Double) -> [CouplingInterval]? {
        guard model.linearity == .proportional, r.window == nil, r.scattering == nil, r.constantProduction == 0 else { return nil }
        switch s.dark {
        case .none, .visibleMultiple: break
        case .constant(let w) where w == 0: break
        case .constant: return nil
        }
        let range = model.couplingRange
        let g0 = min(max(r.lower, range.lowerBound), range.upperBound)
        let h0 = h(g0)
        guard h0 > Self.logFloor else { return [] }
        let root = g0 * exp(-h0 / 2)
        guard root.isFinite, root <= range.upperBound else { return [] }
        return [CouplingInterval(lower: max(root, range.lowerBound), upper: nil)]
    }

    /// Refines a surrogate root ln g with exact evaluations: secant steps on the exact ln R in ln g
    /// from the surrogate's slope, until |ln R| < ``logRatioTolerance``; Brent's method on a bracket
    /// if the steps do not converge.
    func polish(_ r: Reference, _ x0: Double, surrogate h: (Double) -> Double) throws(Problem) -> Double {
        var x = x0
        var fx = try exactLogRatio(r, coupling: exp(x))
        if abs(fx) < Self.logRatioTolerance { return x }
        let dx = 1e-6
        var slope = (h(exp(x + dx)) - h(exp(x - dx))) / (2 * dx)
        if !(abs(slope) > 1e-6) { slope = 2 }
        var previous = (x, fx)
        for _ in 0..<12 {
            let next = x - fx / slope
            let fn = try exactLogRatio(r, coupling: exp(next))
            if abs(fn) < Self.logRatioTolerance { return next }
            if next != previous.0, fn != previous.1 { slope = (fn - fx) / (next - x) }
            previous = (x, fx)
            x = next
            fx = fn
            if !(abs(slope) > 1e-9) { break }
        }
        // Fall back: bracket around x and solve exactly.
        var width = 1e-3
        for _ in 0..<20 {
            let a = x - width, b = x + width
            let fa = try exactLogRatio(r, coupling: exp(a)), fb = try exactLogRatio(r, coupling: exp(b))
            if (fa > 0) != (fb > 0) {
                return try RootFinding.brent(lower: a, upper: b, relativeTolerance: 0, absoluteTolerance: 1e-12, variable: .coupling) { u in
                    (try? self.exactLogRatio(r, coupling: exp(u))) ?? Self.logFloor
                }.x
            }
            width *= 4
        }
        return x
    }
}
