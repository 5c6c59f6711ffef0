import Foundation
import ZPrimeCore

/// The MS-bar strong coupling alpha_s(mu), run at four loops from alpha_s(m_Z) = 0.1180 (PDG 2024).
///
/// mu^2 d a/d mu^2 = -(beta_0 a^2 + beta_1 a^3 + beta_2 a^4 + beta_3 a^5), a = alpha_s/(4 pi), with
/// beta_0 = 11 - 2 n_f/3, beta_1 = 102 - 38 n_f/3, beta_2 = 2857/2 - 5033 n_f/18 + 325 n_f^2/54 and
/// beta_3 = 149753/6 + 3564 zeta_3 - (1078361/162 + 6508 zeta_3/27) n_f + (50065/162 + 6472 zeta_3/81) n_f^2
/// + 1093 n_f^3/729 (van Ritbergen, Vermaseren, Larin, PLB 400 (1997) 379; PDG 2024 QCD review).
/// Flavour thresholds at the MS-bar masses m_c(m_c), m_b(m_b), m_t(m_t), where alpha_s is taken
/// continuous (exact at two loops; the three-loop matching step is 11/72 (alpha_s/pi)^2, below
/// 2e-4 relative). The result is tabulated once, by fourth-order Runge-Kutta in ln mu^2 with steps
/// of 1/800, on a grid of 0.005 in ln mu from 1 GeV to 100 TeV, and read by linear interpolation
/// (error below 1e-6 relative; checked against RunDec-style direct integration in the tests). The
/// table of ``standard`` is built at its first evaluation, so that work without perturbative QCD
/// (masses below 1.8 GeV) never pays for it.
///
/// Valid for mu >= 1.5 GeV; below 1 GeV the value at 1 GeV is returned (ZPrime uses perturbative
/// QCD only above 1.8 GeV).
public struct StrongCoupling: Sendable {
    /// alpha_s(m_Z).
    public let alphaAtZ: Double
    private let storage: Storage

    /// Where the table is: that of ``standard``, built once per process at first use, or its own.
    private enum Storage: Sendable {
        case standard
        case table([Double])
    }

    /// The grid in ln(mu/GeV): start and step.
    private static let logStart = 0.0
    private static let logStep = 0.005

    /// The PDG 2024 coupling; its table is built once per process, at the first evaluation.
    public static let standard = StrongCoupling(alphaAtZ: PhysicalConstants.alphaStrongZ, storage: .standard)

    /// The table of ``standard`` (a global, so initialised lazily and exactly once, thread-safely).
    private static let standardTable = tabulate(alphaAtZ: PhysicalConstants.alphaStrongZ)

    static let thresholds = [PhysicalConstants.charmMSbarMass, PhysicalConstants.bottomMSbarMass, PhysicalConstants.topMSbarMass]

    /// Tabulates alpha_s for a given alpha_s(m_Z).
    public init(alphaAtZ: Double) {
        self.init(alphaAtZ: alphaAtZ, storage: .table(Self.tabulate(alphaAtZ: alphaAtZ)))
    }

    private init(alphaAtZ: Double, storage: Storage) {
        self.alphaAtZ = alphaAtZ
        self.storage = storage
    }

    /// alpha_s at the grid points ln mu = logStart + k logStep, k = 0, 1, ..., up to 100 TeV.
    private static func tabulate(alphaAtZ: Double) -> [Double] {
        let count = Int((log(1e5) - logStart) / logStep) + 2
        var table = [Double](repeating: 0, count: count)
        let logZ = log(PhysicalConstants.zMass)
        let zIndex = Int((logZ - logStart) / logStep)
        // Up from m_Z through the grid points above it, down through those below it.
        var logMu = logZ
        var alpha = alphaAtZ
        for k in (zIndex + 1)..<count {
            let target = logStart + Double(k) * logStep
            alpha = Self.run(alpha: alpha, fromLog: logMu, toLog: target)
            logMu = target
            table[k] = alpha
        }
        logMu = logZ
        alpha = alphaAtZ
        for k in stride(from: zIndex, through: 0, by: -1) {
            let target = logStart + Double(k) * logStep
            alpha = Self.run(alpha: alpha, fromLog: logMu, toLog: target)
            logMu = target
            table[k] = alpha
        }
        return table
    }

    /// The number of active flavours at scale `mu` (GeV): 3 below m_c(m_c), up to 6 above m_t(m_t).
    public static func activeFlavours(at mu: Double) -> Int {
        var count = 3
        for threshold in thresholds where mu >= threshold { count += 1 }
        return count
    }

    /// alpha_s(mu), mu in GeV.
    public func callAsFunction(_ mu: Double) -> Double {
        let table: [Double]
        switch storage {
        case .standard: table = Self.standardTable
        case .table(let own): table = own
        }
        let position = (log(max(mu, 1.0)) - Self.logStart) / Self.logStep
        let last = table.count - 1
        if position >= Double(last) { return table[last] }
        let index = Int(position)
        let fraction = position - Double(index)
        return table[index] + fraction * (table[index + 1] - table[index])
    }

    /// ln of the flavour thresholds, ascending.
    private static let logThresholds = thresholds.map { log($0) }.sorted()

    /// Runs alpha_s from ln mu = `fromLog` to `toLog`, splitting at flavour thresholds.
    static func run(alpha: Double, fromLog: Double, toLog: Double) -> Double {
        var alpha = alpha
        var current = fromLog
        func segment(to edge: Double) {
            let mid = exp(0.5 * (current + edge))
            alpha = integrate(alpha: alpha, fromLog: current, toLog: edge, flavours: activeFlavours(at: mid))
            current = edge
        }
        // The thresholds strictly between the two scales, in the direction of running (no arrays are
        // built: the table calls this once per grid point).
        let edges = logThresholds
        if toLog > fromLog {
            for edge in edges where edge > fromLog && edge < toLog { segment(to: edge) }
        } else {
            for edge in edges.reversed() where edge < fromLog && edge > toLog { segment(to: edge) }
        }
        segment(to: toLog)
        return alpha
    }

    /// Fourth-order Runge-Kutta in t = ln mu^2 at fixed n_f, steps of at most 1/800.
    static func integrate(alpha: Double, fromLog: Double, toLog: Double, flavours nf: Int) -> Double {
        let n = Double(nf)
        let zeta3 = 1.2020569031595942
        let b0 = 11 - 2 * n / 3
        let b1 = 102 - 38 * n / 3
        let b2 = 2857.0 / 2 - 5033 * n / 18 + 325 * n * n / 54
        let b3 = 149753.0 / 6 + 3564 * zeta3 - (1078361.0 / 162 + 6508 * zeta3 / 27) * n
            + (50065.0 / 162 + 6472 * zeta3 / 81) * n * n + 1093 * n * n * n / 729
        func derivative(_ a: Double) -> Double { -a * a * (b0 + a * (b1 + a * (b2 + a * b3))) }
        let span = 2 * (toLog - fromLog)  // in ln mu^2
        let steps = max(1, Int((abs(span) * 800).rounded(.up)))
        let h = span / Double(steps)
        var a = alpha / (4 * Double.pi)
        for _ in 0..<steps {
            let k1 = derivative(a)
            let k2 = derivative(a + 0.5 * h * k1)
            let k3 = derivative(a + 0.5 * h * k2)
            let k4 = derivative(a + h * k3)
            a += h * (k1 + 2 * k2 + 2 * k3 + k4) / 6
        }
        return 4 * Double.pi * a
    }
}

/// Perturbative QCD corrections to the inclusive hadronic width of a vector boson.
///
/// The massless non-singlet factor of the R ratio to O(alpha_s^3) (Gorishny, Kataev, Larin 1991;
/// Surguladze, Samuel 1991; PDG 2024 QCD review, R in e+e- annihilation):
/// K = 1 + a + (1.9857 - 0.1152 n_f) a^2 + (-6.63694 - 1.20013 n_f - 0.00518 n_f^2) a^3,
/// a = alpha_s(m)/pi, and the singlet (light-by-light) term -1.240 a^3 (sum_q g_V,q)^2 that PDG
/// writes as -1.240 eta a^3 with eta = (sum Q)^2/(3 sum Q^2). ZPrime applies K to both vector and
/// axial massless quark pairs (equal at this order for the non-singlet part) and to the Born width
/// of massive pairs (the mass-dependent O(alpha_s) terms are not included; near c and b thresholds
/// the inclusive rate is an average over the charmonium and bottomonium resonances anyway).
public enum PerturbativeQCD {
    /// The non-singlet factor K(a, n_f).
    public static func nonSingletFactor(alphaS: Double, flavours nf: Int) -> Double {
        let a = alphaS / Double.pi
        let n = Double(nf)
        return 1 + a * (1 + a * ((1.9857 - 0.1152 * n) + a * (-6.63694 - 1.20013 * n - 0.00518 * n * n)))
    }

    /// The singlet coefficient multiplying (sum_q g_V,q)^2: -1.240 (alpha_s/pi)^3.
    public static func singletCoefficient(alphaS: Double) -> Double {
        let a = alphaS / Double.pi
        return -1.240 * a * a * a
    }
}
