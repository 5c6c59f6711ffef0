import ZPrimeCore

/// The expected-sensitivity statistic of counting experiments with systematic pulls: a binned
/// Poisson log-likelihood ratio with one normalisation pull per group (a flux source, or the whole
/// beam), evaluated on Asimov data (Cowan, Cranmer, Gross, Vitells, Eur. Phys. J. C 71 (2011) 1554):
///
///     chi^2 = min_alpha  2 sum_i [mu_i(alpha) - n_i + n_i ln(n_i/mu_i(alpha))] + sum_k (alpha_k/sigma_k)^2,
///     mu_i(alpha) = sum_k (1 + alpha_k) mu_ik,
///
/// with n_i the Asimov data (the expectation of the true hypothesis) and mu_ik the tested
/// hypothesis' counts of group k in bin i. The minimum over the pulls is found by Newton's method
/// (the function is convex in alpha). For one bin and one group of relative uncertainty sigma, in
/// the Gaussian limit, chi^2 -> (mu - n)^2/(n + sigma^2 mu^2) (tests).
///
/// Uses: **exclusion reach** (90 % CL: Asimov data = SM, hypothesis = the Z'; excluded where chi^2 >
/// 2.71, one parameter at fixed mass) and **discovery** (data = the Z', hypothesis = SM; 5 sigma at
/// chi^2 >= 25).
///
/// ```swift
/// let chi2 = AsimovStatistics.chiSquared(data: [110], hypothesis: [[100]], sigmas: [0.05])
/// ```
public enum AsimovStatistics {
    /// Delta chi^2 of a 90 % CL interval of one parameter: 2.706 (the 90 % quantile of chi^2 with one degree of freedom).
    public static let ninetyPercentOneParameter = 2.705543454095404
    /// chi^2 of a 5 sigma discovery: 25.
    public static let fiveSigma = 25.0

    /// The minimised chi^2. `data[i]` are the Asimov counts, `hypothesis[i][k]` the tested counts of
    /// group k in bin i, `sigmas[k]` the relative normalisation uncertainty of group k (0: fixed).
    public static func chiSquared(data: [Double], hypothesis: [[Double]], sigmas: [Double]) -> Double {
        let bins = data.count
        let groups = sigmas.count
        precondition(hypothesis.count == bins && hypothesis.allSatisfy { $0.count == groups }, "one row per bin, one column per group")
        var alpha = [Double](repeating: 0, count: groups)
        let free = (0..<groups).filter { sigmas[$0] > 0 }
        func value(_ a: [Double]) -> Double {
            var chi2 = 0.0
            for i in 0..<bins {
                var mu = 0.0
                for k in 0..<groups { mu += (1 + a[k]) * hypothesis[i][k] }
                let n = data[i]
                if mu <= 0 {
                    if n > 0 { return .infinity }
                    continue
                }
                chi2 += 2 * (mu - n)
                if n > 0 { chi2 += 2 * n * Double.log(n / mu) }
            }
            for k in free { chi2 += (a[k] / sigmas[k]) * (a[k] / sigmas[k]) }
            return chi2
        }
        var current = value(alpha)
        guard !free.isEmpty else { return max(0, current) }
        for _ in 0..<50 {
            var gradient = [Double](repeating: 0, count: free.count)
            var hessian = [[Double]](repeating: [Double](repeating: 0, count: free.count), count: free.count)
            for i in 0..<bins {
                var mu = 0.0
                for k in 0..<groups { mu += (1 + alpha[k]) * hypothesis[i][k] }
                guard mu > 0 else { continue }
                let n = data[i]
                for (a, k) in free.enumerated() {
                    gradient[a] += 2 * (1 - n / mu) * hypothesis[i][k]
                    for (b, l) in free.enumerated() { hessian[a][b] += 2 * n * hypothesis[i][k] * hypothesis[i][l] / (mu * mu) }
                }
            }
            for (a, k) in free.enumerated() {
                gradient[a] += 2 * alpha[k] / (sigmas[k] * sigmas[k])
                hessian[a][a] += 2 / (sigmas[k] * sigmas[k])
            }
            guard let step = solve(hessian, gradient) else { break }
            var scale = 1.0
            var next = alpha
            var improved = false
            for _ in 0..<30 {
                for (a, k) in free.enumerated() { next[k] = alpha[k] - scale * step[a] }
                let v = value(next)
                if v <= current {
                    improved = true
                    let change = current - v
                    alpha = next
                    current = v
                    if change <= 1e-13 * max(1, abs(current)) { return max(0, current) }
                    break
                }
                scale *= 0.5
            }
            if !improved { break }
        }
        return max(0, current)
    }

    /// Solves the small symmetric system H x = g by Gaussian elimination with partial pivoting.
    static func solve(_ h: [[Double]], _ g: [Double]) -> [Double]? {
        let n = g.count
        var a = h
        var b = g
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(col + 1, n) where abs(a[row][col]) > abs(a[pivot][col]) { pivot = row }
            guard abs(a[pivot][col]) > 0 else { return nil }
            a.swapAt(col, pivot)
            b.swapAt(col, pivot)
            for row in (col + 1)..<max(col + 1, n) {
                let factor = a[row][col] / a[col][col]
                for k in col..<n { a[row][k] -= factor * a[col][k] }
                b[row] -= factor * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for k in (row + 1)..<max(row + 1, n) { s -= a[row][k] * x[k] }
            x[row] = s / a[row][row]
        }
        return x.allSatisfy(\.isFinite) ? x : nil
    }

    /// Discovery chi^2 of `signal` counts against the SM counts `standard` (data = signal).
    public static func discovery(signal: EventCounts, standard: EventCounts, sigmas: [Double]) -> Double {
        chiSquared(data: signal.bins, hypothesis: standard.matrix, sigmas: sigmas)
    }

    /// Exclusion chi^2 of the Z' `signal` counts given SM data `standard`.
    public static func exclusion(signal: EventCounts, standard: EventCounts, sigmas: [Double]) -> Double {
        chiSquared(data: standard.bins, hypothesis: signal.matrix, sigmas: sigmas)
    }

    /// The Gaussian chi^2 of a measured count: (N - N_obs)^2/(sigma_obs^2 + (r N)^2) with the
    /// prediction's relative uncertainty r.
    public static func measured(prediction n: Double, observed: Double, observedUncertainty: Double, relativeUncertainty r: Double) -> Double {
        (n - observed) * (n - observed) / (observedUncertainty * observedUncertainty + r * r * n * n)
    }
}
