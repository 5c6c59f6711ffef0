import ComplexModule
import Foundation
import RealModule
import ZPrimeCore
import ZPrimeDecays

/// The recast of LHCb's r-value grids (arXiv:1801.04847, eq. (2.21); the manifest's
/// `efficiency_types.rvalue_grid`).
///
/// At a grid mass, each grid point (g_ref, r) of the published dark photon (lifetime tau_ref) maps to
/// the model's coupling g with the same lifetime (the efficiency is then the same), and
///
///     r_X = r BR_ref(F) / (BR_X(F; g) sum_i f_i sigma_i,X(g)/sigma_i,ref(g_ref)),
///
/// excluded where r_X < 1. The edges are where ln r_X crosses 0, interpolated linearly in
/// (ln g, ln r_X) between neighbouring grid points (DarkCast takes the extreme excluded grid points).
/// An edge on the grid's first or last coupling is extended beyond the grid by the lifetime
/// dependence of the proper-time window [0, tau_edge] (towards longer lifetimes) or
/// [tau_edge, infinity) (shorter), as DarkCast does. The published model's widths on the grid come
/// from its surrogate (``ModelResponse``) linearised at the grid's central coupling (for the dark
/// photon at eps < 1e-4 the exact widths differ by less than 1e-8 relative; tested).
extension PreparedLimit {
    /// The grid at mass index `j`, mapped to the model: per grid coupling, the model coupling with
    /// the same lifetime and r_X; plus what the extensions need.
    struct GridColumn {
        let mass: Double
        let modelCouplings: [Double]
        let logR: [Double]
        let referenceLifetimes: [Double]
        let model: CouplingSurrogate
        let production: [Quadratic]   // per grid point: sum_i f_i sigma_i,X(g)/sigma_i,ref(g_ref)
    }

    func gridColumn(_ grid: RValueGrid, index j: Int, around g: Double? = nil) throws(Problem) -> GridColumn? {
        let d = limit.definition
        let m = grid.masses[j]
        let couplings = grid.couplings
        let middle = (couplings.first! * couplings.last!).squareRoot()
        let ref = try reference.surrogate(mass: m, around: middle)
        let refTotal = ref.total, refVisible = ref.visible
        let refSignal = ref.width(d.decay.channels)
        var fractions: [(terms: [[(Int, Complex<Double>)]], fraction: Double, refQuadratic: Quadratic)] = []
        for (i, entry) in d.production.enumerated() {
            let f = d.fraction(i, mass: m)
            guard f > 0, entry.mechanism != .none, entry.mechanism != .neutrinoScattering else { continue }
            let terms = entry.mechanism.terms(mass: m)
            fractions.append((terms, f, ref.production(terms)))
        }
        let modelSurrogate = try model.surrogate(mass: m, around: g ?? middle)
        let total = modelSurrogate.total, visible = modelSurrogate.visible
        let signal = modelSurrogate.width(d.decay.channels)
        let signalIncludesDark = d.decay.channels.contains(.invisible)
        let modelProduction = fractions.map { modelSurrogate.production($0.terms) }
        var gs: [Double] = [], logR: [Double] = [], lifetimes: [Double] = [], production: [Quadratic] = []
        for (k, gRef) in couplings.enumerated() {
            let refDark = ref.darkWidth(visible: refVisible(gRef))
            let gammaRef = refTotal(gRef) + refDark
            let brRef = (refSignal(gRef) + (signalIncludesDark ? refDark : 0)) / gammaRef
            guard gammaRef > 0, brRef > 0 else { continue }
            // The model's coupling with the same total width.
            guard let gX = Self.coupling(withWidth: gammaRef, total: total, visible: visible, dark: modelSurrogate.dark, range: model.couplingRange) else { continue }
            var p = Quadratic.zero
            for (n, entry) in fractions.enumerated() {
                let sigmaRef = entry.refQuadratic(gRef)
                guard sigmaRef > 0 else { continue }
                p = p + (entry.fraction / sigmaRef) * modelProduction[n]
            }
            let dark = modelSurrogate.darkWidth(visible: visible(gX))
            let brX = (signal(gX) + (signalIncludesDark ? dark : 0)) / (total(gX) + dark)
            let pX = p(gX)
            let value = brX > 0 && pX > 0 ? log(grid.value(j, k)) + log(brRef) - log(brX) - log(pX) : -Self.logFloor
            gs.append(gX)
            logR.append(value)
            lifetimes.append(PhysicalConstants.hbarGeVSeconds / gammaRef)
            production.append(p)
        }
        guard gs.count >= 2 else { return nil }
        return GridColumn(mass: m, modelCouplings: gs, logR: logR, referenceLifetimes: lifetimes, model: modelSurrogate, production: production)
    }

    /// The largest coupling in `range` whose total width (with the dark part) is `width`.
    static func coupling(withWidth width: Double, total: Quadratic, visible: Quadratic, dark: CouplingSurrogate.Dark,
                         range: ClosedRange<Double>) -> Double? {
        var q = total
        switch dark {
        case .none: break
        case .constant(let w): q.a0 += w
        case .visibleMultiple(let k): q = q + k * visible
        }
        q.a0 -= width
        return q.largestPositiveRoot(in: range)
    }

    /// ln of the model's signal in the window of a grid edge, relative to the edge: for the extension
    /// of an excluded region beyond the grid.
    func extensionLogRatio(_ c: GridColumn, edge k: Int, towardsLonger: Bool) -> (Double) -> Double {
        let d = limit.definition
        let s = c.model, total = s.total, visible = s.visible, signal = s.width(d.decay.channels)
        let signalIncludesDark = d.decay.channels.contains(.invisible)
        let tauEdge = c.referenceLifetimes[k]
        let production = c.production[k]
        func logSignal(_ g: Double) -> Double {
            let dark = s.darkWidth(visible: visible(g))
            let gamma = total(g) + dark
            let br = (signal(g) + (signalIncludesDark ? dark : 0)) / gamma
            let tau = PhysicalConstants.hbarGeVSeconds / gamma
            let window = towardsLonger ? EfficiencyModel.logDecayProbability(lifetime: tau, from: 0, to: tauEdge)
                                       : EfficiencyModel.logDecayProbability(lifetime: tau, from: tauEdge, to: .infinity)
            let p = production(g)
            guard p > 0, br > 0, window.isFinite else { return Self.logFloor }
            return log(p) + log(br) + window
        }
        let edgeSignal = logSignal(c.modelCouplings[k])
        let edgeLogR = c.logR[k]
        return { g in max(logSignal(g) - edgeSignal - edgeLogR, Self.logFloor) }   // ln(1/r_X) extended
    }

    /// The excluded intervals at grid mass `j`.
    func gridIntervals(_ grid: RValueGrid, index j: Int) throws(Problem) -> [CouplingInterval] {
        guard let c = try gridColumn(grid, index: j) else { return [] }
        var intervals: [CouplingInterval] = []
        let n = c.modelCouplings.count
        var start: Double? = nil
        let range = model.couplingRange
        if c.logR[0] < 0 {
            // Excluded at the grid's longest lifetime: extend to smaller couplings.
            let f = extensionLogRatio(c, edge: 0, towardsLonger: true)
            if f(range.lowerBound) > 0 {
                start = range.lowerBound
            } else if let root = try? RootFinding.brentLog(in: range.lowerBound...c.modelCouplings[0], relativeTolerance: 1e-12, variable: .coupling, f) {
                start = root.x
            } else {
                start = c.modelCouplings[0]
            }
        }
        for k in 0..<(n - 1) {
            let (a, b) = (c.logR[k], c.logR[k + 1])
            guard (a < 0) != (b < 0) else { continue }
            let w = a / (a - b)
            let x = log(c.modelCouplings[k]) + w * (log(c.modelCouplings[k + 1]) - log(c.modelCouplings[k]))
            if a >= 0 { start = exp(x) } else if let s = start { intervals.append(CouplingInterval(lower: s, upper: exp(x))); start = nil }
        }
        if let s = start {
            // Excluded at the grid's shortest lifetime: extend to larger couplings.
            let f = extensionLogRatio(c, edge: n - 1, towardsLonger: false)
            let top = c.modelCouplings[n - 1]
            if f(range.upperBound) > 0 {
                intervals.append(CouplingInterval(lower: s, upper: nil))
            } else if let root = try? RootFinding.brentLog(in: top...range.upperBound, relativeTolerance: 1e-12, variable: .coupling, f) {
                intervals.append(CouplingInterval(lower: s, upper: root.x))
            } else {
                intervals.append(CouplingInterval(lower: s, upper: top))
            }
        }
        return intervals
    }

    /// ln(1/r_X) at grid mass `j` for model coupling g: interpolated in (ln g, ln r_X) inside the
    /// grid, extended outside it.
    func gridLogRatio(_ grid: RValueGrid, index j: Int, coupling g: Double) throws(Problem) -> Double? {
        guard let c = try gridColumn(grid, index: j, around: g) else { return nil }
        let n = c.modelCouplings.count
        if g <= c.modelCouplings[0] { return extensionLogRatio(c, edge: 0, towardsLonger: true)(g) }
        if g >= c.modelCouplings[n - 1] { return extensionLogRatio(c, edge: n - 1, towardsLonger: false)(g) }
        var low = 0, high = n - 1
        while high - low > 1 {
            let middle = (low + high) / 2
            if c.modelCouplings[middle] <= g { low = middle } else { high = middle }
        }
        let w = log(g / c.modelCouplings[low]) / log(c.modelCouplings[high] / c.modelCouplings[low])
        return -(c.logR[low] + w * (c.logR[high] - c.logR[low]))
    }
}
