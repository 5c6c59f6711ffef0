import ZPrimeCore
import ZPrimeObservables

/// The inverse-energy moments of a neutrino spectrum above a threshold energy, the only way a
/// spectrum enters an elastic-scattering rate:
///
///     A_k(E_min) = Int_{E_min}^{E_max} dE f(E) E^(-k),   k = 0, 1, 2,
///
/// since dsigma/dT is a polynomial in 1/E at fixed recoil T (CEvNS: 1 - M T/(2E^2); nu-e:
/// g_L^2 + g_R^2 (1 - T/E)^2 - g_L g_R m_e T/E^2). Energies in GeV; f in 1/GeV.
///
/// A continuous spectrum is integrated once on a grid of cells (8-point Gauss-Legendre per cell,
/// exact for the polynomial Michel spectra) and the cumulative moments are interpolated linearly
/// in E between grid points (relative error of order (cell width / range)^2, below 1e-7 for the
/// default 4000 cells). Lines contribute exactly.
///
/// ```swift
/// let shape = NeutrinoSpectrum.continuous(maximumEnergy: 0.0264, cells: 2000) { e in e * e * (0.0264 - e) }
/// print(shape.moments(above: 0).0)     // 0.0264^4/12 = 4.05e-8, the integral of the density
/// ```
public struct NeutrinoSpectrum: Sendable, Hashable {
    /// Monochromatic lines: energy (GeV) and weight.
    public var lines: [(energy: Double, weight: Double)] {
        zip(lineEnergies, lineWeights).map { ($0, $1) }
    }
    private var lineEnergies: [Double]
    private var lineWeights: [Double]
    /// Grid of the continuous part (empty without one).
    private var grid: [Double]
    /// Cumulative moments from each grid point to the end, k = 0, 1, 2.
    private var cumulative0: [Double]
    private var cumulative1: [Double]
    private var cumulative2: [Double]

    /// The largest energy with weight.
    public private(set) var maximumEnergy: Double

    /// A spectrum of lines.
    public static func lines(_ lines: [(energy: Double, weight: Double)]) -> NeutrinoSpectrum {
        NeutrinoSpectrum(lineEnergies: lines.map(\.energy), lineWeights: lines.map(\.weight), grid: [], cumulative0: [], cumulative1: [],
                         cumulative2: [], maximumEnergy: lines.map(\.energy).max() ?? 0)
    }

    /// A continuous spectrum with density `density(E)` on [minimumEnergy, maximumEnergy], integrated
    /// on `cells` equal cells.
    public static func continuous(minimumEnergy: Double = 0, maximumEnergy: Double, cells: Int = 4000,
                                  density: (Double) -> Double) -> NeutrinoSpectrum {
        precondition(maximumEnergy > minimumEnergy && cells >= 1, "a continuous spectrum needs a range and cells")
        let h = (maximumEnergy - minimumEnergy) / Double(cells)
        var grid = [Double](repeating: 0, count: cells + 1)
        for i in 0...cells { grid[i] = minimumEnergy + Double(i) * h }
        grid[cells] = maximumEnergy
        var c0 = [Double](repeating: 0, count: cells + 1), c1 = c0, c2 = c0
        for i in stride(from: cells - 1, through: 0, by: -1) {
            let (m0, m1, m2) = cellMoments(grid[i], grid[i + 1], density)
            c0[i] = c0[i + 1] + m0
            c1[i] = c1[i + 1] + m1
            c2[i] = c2[i + 1] + m2
        }
        return NeutrinoSpectrum(lineEnergies: [], lineWeights: [], grid: grid, cumulative0: c0, cumulative1: c1, cumulative2: c2,
                                maximumEnergy: maximumEnergy)
    }

    /// Lines plus a continuum.
    public static func + (lhs: NeutrinoSpectrum, rhs: NeutrinoSpectrum) -> NeutrinoSpectrum {
        precondition(lhs.grid.isEmpty || rhs.grid.isEmpty, "at most one continuous part")
        let continuous = lhs.grid.isEmpty ? rhs : lhs
        var result = continuous
        result.lineEnergies = lhs.lineEnergies + rhs.lineEnergies
        result.lineWeights = lhs.lineWeights + rhs.lineWeights
        result.maximumEnergy = max(lhs.maximumEnergy, rhs.maximumEnergy)
        return result
    }

    /// The spectrum with every weight multiplied by `factor`.
    public func scaled(by factor: Double) -> NeutrinoSpectrum {
        var copy = self
        copy.lineWeights = lineWeights.map { $0 * factor }
        copy.cumulative0 = cumulative0.map { $0 * factor }
        copy.cumulative1 = cumulative1.map { $0 * factor }
        copy.cumulative2 = cumulative2.map { $0 * factor }
        return copy
    }

    /// The energies where the moments have a kink or a step (line energies, the continuum's end).
    public var edges: [Double] { lineEnergies + (grid.isEmpty ? [] : [maximumEnergy]) }

    /// (A_0, A_1, A_2) above `emin` (GeV).
    public func moments(above emin: Double) -> (Double, Double, Double) {
        var a0 = 0.0, a1 = 0.0, a2 = 0.0
        for (e, w) in zip(lineEnergies, lineWeights) where e > emin {
            a0 += w
            a1 += w / e
            a2 += w / (e * e)
        }
        if !grid.isEmpty, emin < maximumEnergy {
            if emin <= grid[0] {
                a0 += cumulative0[0]; a1 += cumulative1[0]; a2 += cumulative2[0]
            } else {
                let h = grid[1] - grid[0]
                let i = min(Int((emin - grid[0]) / h), grid.count - 2)
                let s = (emin - grid[i]) / (grid[i + 1] - grid[i])
                a0 += cumulative0[i] + s * (cumulative0[i + 1] - cumulative0[i])
                a1 += cumulative1[i] + s * (cumulative1[i + 1] - cumulative1[i])
                a2 += cumulative2[i] + s * (cumulative2[i + 1] - cumulative2[i])
            }
        }
        return (a0, a1, a2)
    }

    /// The total weight (A_0 at zero threshold).
    public var total: Double { moments(above: 0).0 }

    private static func cellMoments(_ a: Double, _ b: Double, _ f: (Double) -> Double) -> (Double, Double, Double) {
        let half = 0.5 * (b - a), mid = 0.5 * (a + b)
        var m0 = 0.0, m1 = 0.0, m2 = 0.0
        for (x, w) in zip(GaussLegendre.nodes8, GaussLegendre.weights8) {
            let e = mid + half * x
            let v = half * w * f(e)
            m0 += v
            if e > 0 {
                m1 += v / e
                m2 += v / (e * e)
            }
        }
        return (m0, m1, m2)
    }

    public static func == (lhs: NeutrinoSpectrum, rhs: NeutrinoSpectrum) -> Bool {
        lhs.lineEnergies == rhs.lineEnergies && lhs.lineWeights == rhs.lineWeights && lhs.grid == rhs.grid && lhs.cumulative0 == rhs.cumulative0
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(lineEnergies)
        hasher.combine(lineWeights)
        hasher.combine(grid.count)
        hasher.combine(cumulative0.first)
    }
}

/// Gauss-Legendre nodes and weights on [-1, 1] (8 points: exact for polynomials of degree 15),
/// from the Golub-Welsch eigenvalues to 16 digits (Abramowitz & Stegun, Table 25.4).
public enum GaussLegendre {
    public static let nodes8: [Double] = [-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
                                          0.1834346424956498, 0.5255324099163290, 0.7966664774136267, 0.9602898564975363]
    public static let weights8: [Double] = [0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
                                            0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763]
}
