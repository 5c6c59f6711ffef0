import ComplexModule
import RealModule
import ZPrimeCore
import ZPrimeCouplings
import ZPrimeDecays
import ZPrimeModels
import ZPrimePoint
import ZPrimeSpectrum

/// A quadratic polynomial a2 g^2 + a1 g + a0.
struct Quadratic: Sendable, Hashable {
    var a2: Double, a1: Double, a0: Double
    static let zero = Quadratic(a2: 0, a1: 0, a0: 0)
    @inline(__always) func callAsFunction(_ g: Double) -> Double { (a2 * g + a1) * g + a0 }
    static func + (x: Quadratic, y: Quadratic) -> Quadratic { Quadratic(a2: x.a2 + y.a2, a1: x.a1 + y.a1, a0: x.a0 + y.a0) }
    static func * (s: Double, x: Quadratic) -> Quadratic { Quadratic(a2: s * x.a2, a1: s * x.a1, a0: s * x.a0) }

    /// The largest positive real root inside `range`, without allocating (the same roots as
    /// ``positiveRoots``).
    func largestPositiveRoot(in range: ClosedRange<Double>) -> Double? {
        func accept(_ x: Double) -> Bool { x > 0 && x.isFinite && range.contains(x) }
        if a2 == 0 {
            guard a1 != 0 else { return nil }
            let x = -a0 / a1
            return accept(x) ? x : nil
        }
        let d = a1 * a1 - 4 * a2 * a0
        guard d >= 0 else { return nil }
        let q = -0.5 * (a1 + (a1 >= 0 ? 1 : -1) * d.squareRoot())
        let x1 = q / a2, x2 = q != 0 ? a0 / q : -Double.infinity
        let (large, small) = x1 >= x2 ? (x1, x2) : (x2, x1)
        if accept(large) { return large }
        return accept(small) ? small : nil
    }

    /// The positive real roots.
    var positiveRoots: [Double] {
        if a2 == 0 { return a1 != 0 && -a0 / a1 > 0 ? [-a0 / a1] : [] }
        let d = a1 * a1 - 4 * a2 * a0
        guard d >= 0 else { return [] }
        let q = -0.5 * (a1 + (a1 >= 0 ? 1 : -1) * d.squareRoot())
        var roots: [Double] = []
        if q != 0 { roots.append(a0 / q) }
        roots.append(q / a2)
        return roots.filter { $0 > 0 && $0.isFinite }.sorted()
    }
}

/// The state of a model at one (mass, coupling), computed exactly: on-shell couplings (q^2 = m^2)
/// and the decay widths. What every limit needs from the model at a point.
public struct ModelState: Sendable {
    /// The mass, GeV.
    public let mass: Double
    /// The model's coupling (g_X, or eps for the dark photon).
    public let coupling: Double
    /// The couplings at q^2 = m^2.
    public let couplings: CouplingTable
    /// Their Standard Model components.
    public let components: CouplingComponents
    /// The widths, with the point's dark sector.
    public let widths: DecayWidths
    /// The couplings at q^2 = 0 (scattering), when computed.
    public let staticComponents: CouplingComponents?
}

/// A parameter point's couplings and decays as functions of its coupling at fixed mass: exact
/// evaluation, and a fast surrogate for root finding.
///
/// **Exact.** ``state(mass:coupling:withStatic:)`` computes the couplings of the point with its coupling set
/// to g (``ParameterPoint/withModelCoupling(_:)``: a fixed eps stays, a tied eps follows) with the
/// exact A-Z-Z' mixing at the mass, and the widths of the decays stage.
///
/// **Surrogate.** At fixed mass every coupling of a model whose Higgs is U(1)_X neutral, with no or a
/// fixed kinetic mixing, is exactly affine in g_X, c(g) = g a + b: the mixing angles depend on eps
/// only, and the loop-induced mixing is linear in g_X (``CouplingCalculator``, ``GaugeBosonMixing``).
/// Every partial width and production factor is a Hermitian quadratic form in the couplings, so it is
/// exactly a quadratic polynomial in g, fixed by its values at a, b and a + b. For such models the
/// surrogate is exact (to rounding) at every coupling; for the others (eps tied to g, the dark
/// photon's eps axis, Z-Z' mass mixing) it is the same construction around a linearisation of c(g)
/// at a chosen coupling, and the recast polishes every root with exact evaluations.
public struct ModelResponse: Sendable {
    /// How the couplings depend on the model's coupling.
    public enum Linearity: Sendable, Hashable {
        /// c(g) = g a (no kinetic mixing, Higgs neutral): one evaluation fixes every mass.
        case proportional
        /// c(g) = g a + b exactly (a fixed kinetic mixing).
        case affine
        /// Neither (eps tied to g, the eps axis itself, Z-Z' mass mixing).
        case general
    }

    /// The point (its coupling is a reference value only).
    public let point: ParameterPoint
    /// The couplings stage of the point.
    public let calculator: CouplingCalculator
    /// The decays stage with the point's dark sector.
    let decays: DecayCalculator
    /// The decays stage without the dark sector (for the quadratic parts).
    let bareDecays: DecayCalculator
    /// The couplings the recast scans, from 1e-14 to the largest valid one.
    public let couplingRange: ClosedRange<Double>
    /// The coupling dependence.
    public let linearity: Linearity
    /// Calculators at two couplings for the affine and proportional cases.
    private let first: CouplingCalculator
    private let second: CouplingCalculator?

    /// The smallest coupling any recast considers.
    public static let smallestCoupling = 1e-14
    /// The largest gauge coupling a recast considers (a bound beyond it is not reported).
    public static let largestGaugeCoupling = 10.0
    /// The largest kinetic mixing a recast considers along the eps axis (|eps| < 1 is required).
    public static let largestKineticMixing = 0.99

    /// Prepares the response of `point`.
    public init(point: ParameterPoint) throws(Problem) {
        self.point = point
        calculator = try CouplingCalculator(point: point)
        decays = try DecayCalculator(couplings: calculator)
        bareDecays = try DecayCalculator(couplings: calculator, invisibleWidth: DarkSector.none)
        var upper: Double
        switch point.couplingAxis {
        case .kineticMixing: upper = Self.largestKineticMixing
        case .gaugeCoupling:
            upper = Self.largestGaugeCoupling
            switch point.kineticMixing {
            case .proportional(let ratio) where ratio != 0: upper = min(upper, 0.99 / abs(ratio))
            case .model:
                let ratio = abs(point.model.kineticMixingRatio ?? 0)
                if ratio > 0 {
                    // The tree-level eps = rho c/sqrt(c^2 - rho^2) (rho = ratio g/e, c = cos theta_W)
                    // reaches largestKineticMixing at rho = eps c/sqrt(c^2 + eps^2).
                    let scheme = ElectroweakScheme.standard, c = scheme.cosThetaW, eps = Self.largestKineticMixing
                    upper = min(upper, scheme.elementaryCharge / ratio * eps * c / (c * c + eps * eps).squareRoot())
                }
            default: break
            }
        }
        couplingRange = Self.smallestCoupling...upper
        let higgsNeutral = point.model.higgsCharge == .zero
        switch (point.couplingAxis, point.kineticMixing, higgsNeutral) {
        case (.gaugeCoupling, .none, true): linearity = .proportional
        case (.gaugeCoupling, .fixed(let eps), true): linearity = eps == 0 ? .proportional : .affine
        default: linearity = .general
        }
        let g1 = point.modelCoupling
        switch linearity {
        case .proportional:
            first = calculator
            second = nil
        case .affine:
            first = calculator
            second = try calculator.withModelCoupling(min(2 * g1, upper))
        case .general:
            first = calculator
            second = nil
        }
    }

    /// The point at coupling `g`.
    public func point(coupling g: Double) throws(Problem) -> ParameterPoint { try point.withModelCoupling(g) }

    /// The exact couplings at (m, g, q^2).
    public func table(mass m: Double, coupling g: Double, squaredMomentum q2: Double) throws(Problem) -> CouplingTable {
        if calculator.loopMixing == nil {
            let moved = try point.withModelCoupling(g)
            let eps = try moved.treeLevelKineticMixing(scheme: calculator.scheme)
            let mixing = try GaugeBosonMixing(kineticMixing: eps, gaugeCoupling: moved.coupling, higgsCharge: calculator.higgsCharge,
                                              bosonMass: m, electroweak: calculator.scheme)
            return calculator.table(mixing: mixing, squaredMomentum: q2)
        }
        return try calculator.withModelCoupling(g).table(mass: m, squaredMomentum: q2)
    }

    /// The exact state at (m, g); `withStatic` adds the q^2 = 0 couplings.
    public func state(mass m: Double, coupling g: Double, withStatic: Bool = false) throws(Problem) -> ModelState {
        try Validate.positive(m, .mass)
        let onShell = try table(mass: m, coupling: g, squaredMomentum: m * m)
        let widths = decays.widths(mass: m, couplings: onShell)
        let staticComponents = withStatic ? CouplingComponents(try table(mass: m, coupling: g, squaredMomentum: 0)) : nil
        return ModelState(mass: m, coupling: g, couplings: onShell, components: CouplingComponents(onShell), widths: widths,
                          staticComponents: staticComponents)
    }

    /// The quadratic surrogate at mass `m`: exact for proportional and affine models, linearised at
    /// `around` otherwise. `withStatic` adds the q^2 = 0 couplings (neutrino scattering).
    func surrogate(mass m: Double, around g0: Double, withStatic: Bool = false) throws(Problem) -> CouplingSurrogate {
        let q2 = m * m
        // The directions (a, b) of c(g) = g a + b; for proportional models a is the table at the
        // reference coupling g1 times `scale` = 1/g1, applied to the components and (squared) to the
        // widths instead of building a scaled table (widths are quadratic forms: exact to rounding).
        func directions(_ q2: Double) throws(Problem) -> (a: CouplingTable, b: CouplingTable?, scale: Double) {
            switch linearity {
            case .proportional:
                return (try first.table(mass: m, squaredMomentum: q2), nil, 1 / first.point.modelCoupling)
            case .affine:
                let t1 = try first.table(mass: m, squaredMomentum: q2), t2 = try second!.table(mass: m, squaredMomentum: q2)
                let g1 = first.point.modelCoupling, g2 = second!.point.modelCoupling
                let a = t2.combined(1 / (g2 - g1), t1, -1 / (g2 - g1))
                let b = t1.combined(1, a, -g1)
                return (a, b, 1)
            case .general:
                let h = 1e-4
                let g2 = min(g0 * (1 + h), couplingRange.upperBound)
                let ga = g2 == g0 ? g0 * (1 - h) : g0
                let t1 = try table(mass: m, coupling: ga, squaredMomentum: q2), t2 = try table(mass: m, coupling: g2, squaredMomentum: q2)
                let a = t2.combined(1 / (g2 - ga), t1, -1 / (g2 - ga))
                let b = t1.combined(1, a, -ga)
                return (a, b, 1)
            }
        }
        let (a, b, scale) = try directions(q2)
        var widths = [Quadratic](repeating: .zero, count: DecayChannel.caseCount)
        let wa = bareDecays.widths(mass: m, couplings: a).values
        if let b {
            let wb = bareDecays.widths(mass: m, couplings: b).values
            let wab = bareDecays.widths(mass: m, couplings: a.combined(1, b, 1)).values
            for k in 0..<widths.count { widths[k] = Quadratic(a2: wa[k], a1: wab[k] - wa[k] - wb[k], a0: wb[k]) }
        } else {
            let s2 = scale * scale
            for k in 0..<widths.count { widths[k] = Quadratic(a2: s2 * wa[k], a1: 0, a0: 0) }
        }
        var staticA: CouplingComponents? = nil, staticB: CouplingComponents? = nil
        if withStatic {
            let (sa, sb, staticScale) = try directions(0)
            staticA = CouplingComponents(sa).scaled(staticScale)
            staticB = sb.map(CouplingComponents.init)
        }
        let dark: CouplingSurrogate.Dark
        switch decays.invisibleWidth {
        case .none: dark = .none
        case .fixed(let w): dark = .constant(w)
        case .darkFermion(let c, let mass):
            dark = .constant(DecayCalculator.fermionPair(mass: m, fermionMass: mass, vectorSquared: c * c, axialSquared: 0, colours: 1))
        case .visibleMultiple(let k): dark = .visibleMultiple(k)
        }
        return CouplingSurrogate(mass: m, linearity: linearity, directionA: CouplingComponents(a).scaled(scale), directionB: b.map(CouplingComponents.init),
                                 staticA: staticA, staticB: staticB, widths: widths, dark: dark)
    }
}

/// The quadratic surrogate of a model at one mass (see ``ModelResponse``).
struct CouplingSurrogate: Sendable {
    enum Dark: Sendable { case none, constant(Double), visibleMultiple(Double) }
    let mass: Double
    let linearity: ModelResponse.Linearity
    /// c(g) = g a + b on shell.
    let directionA: CouplingComponents
    let directionB: CouplingComponents?
    /// The same at q^2 = 0.
    let staticA: CouplingComponents?
    let staticB: CouplingComponents?
    /// Every channel's width without the dark sector.
    let widths: [Quadratic]
    let dark: Dark

    static let visibleChannels: [DecayChannel] = [.electron, .muon, .tau, .hadrons, .photons, .exotic]

    /// The quadratic of a Hermitian form given by production terms.
    func production(_ terms: [[(Int, Complex<Double>)]]) -> Quadratic {
        let qa = directionA.quadraticForm(terms)
        guard let b = directionB else { return Quadratic(a2: qa, a1: 0, a0: 0) }
        return Quadratic(a2: qa, a1: 2 * directionA.bilinear(terms, b), a0: b.quadraticForm(terms))
    }

    /// The quadratic of the summed width of `states` without the dark part, and whether the dark
    /// part enters it.
    func width(_ channels: [DecayChannel]) -> Quadratic {
        var q = Quadratic.zero
        for c in channels { q = q + widths[c.ordinal] }
        return q
    }

    var visible: Quadratic { width(Self.visibleChannels) }
    var total: Quadratic { width(DecayChannel.topLevel) }

    /// The dark-sector width at coupling g, given the visible width there.
    @inline(__always) func darkWidth(visible: Double) -> Double { Self.darkWidth(dark, visible: visible) }

    /// The dark-sector width of `dark` given the visible width.
    @inline(__always) static func darkWidth(_ dark: Dark, visible: Double) -> Double {
        switch dark {
        case .none: return 0
        case .constant(let w): return w
        case .visibleMultiple(let k): return k * visible
        }
    }

    /// The couplings at q^2 = 0 at coupling g.
    func staticComponents(_ g: Double) -> CouplingComponents? {
        guard let a = staticA else { return nil }
        return Self.components(g, a, staticB)
    }

    /// g a + b, component by component.
    static func components(_ g: Double, _ a: CouplingComponents, _ b: CouplingComponents?) -> CouplingComponents {
        var values = a.values
        for i in 0..<values.count {
            values[i] = Complex(g, 0) * a.values[i] + (b?.values[i] ?? .zero)
        }
        return CouplingComponents(values: values)
    }
}

extension CouplingTable {
    /// This table times `s` (couplings only; mass and momentum kept).
    func scaled(_ s: Double) -> CouplingTable { combined(s, self, 0) }

    /// s self + t other, entry by entry (the same particles).
    func combined(_ s: Double, _ other: CouplingTable, _ t: Double) -> CouplingTable {
        let x = Complex(s, 0), y = Complex(t, 0)
        var matrix = ChiralCouplingMatrix(particles: particles, diagonal: zip(self.matrix.diagonal, other.matrix.diagonal).map { a, b in
            ComplexChiralCoupling(vector: x * a.vector + y * b.vector, axial: x * a.axial + y * b.axial)
        })
        var entries: [Int: (Int, Int, ComplexChiralCoupling, ComplexChiralCoupling)] = [:]
        for e in self.matrix.offDiagonal { entries[e.row * 1000 + e.column] = (e.row, e.column, e.coupling, .zero) }
        for e in other.matrix.offDiagonal {
            let key = e.row * 1000 + e.column
            entries[key] = (e.row, e.column, entries[key]?.2 ?? .zero, e.coupling)
        }
        for (_, (r, c, a, b)) in entries {
            let v = ComplexChiralCoupling(vector: x * a.vector + y * b.vector, axial: x * a.axial + y * b.axial)
            try? matrix.setCoupling(r, c, v)
        }
        return CouplingTable(mass: mass, squaredMomentum: squaredMomentum, matrix: matrix, gaugeCoupling: gaugeCoupling,
                             kineticMixing: kineticMixing, loopMixing: loopMixing)
    }
}
