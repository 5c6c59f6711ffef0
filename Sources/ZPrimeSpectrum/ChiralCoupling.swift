import Numerics
import ZPrimeCore

/// A Z' coupling to one fermion in the convention of Hati, Kriewald, Orloff and Teixeira (JHEP 07
/// (2020) 235, arXiv:2005.00028): L = e Z'_mu fbar gamma^mu (eps^V + gamma^5 eps^A) f.
///
/// `vector` and `axial` are eps^V and eps^A, in units of the elementary charge e. The absolute
/// couplings are g_V = e eps^V and g_A = e eps^A. From chiral U(1)_X charges with gauge coupling
/// g_X: eps^V = g_X (X_L + X_R)/(2e), eps^A = g_X (X_R - X_L)/(2e).
public struct ChiralCoupling: Sendable, Hashable, Codable {
    /// eps^V in units of e.
    public var vector: Double
    /// eps^A in units of e.
    public var axial: Double

    /// Creates a coupling from eps^V and eps^A (units of e).
    public init(vector: Double, axial: Double) {
        self.vector = vector
        self.axial = axial
    }

    /// No coupling.
    public static let zero = ChiralCoupling(vector: 0, axial: 0)

    /// The absolute vector coupling g_V = e eps^V.
    public var absoluteVector: Double { PhysicalConstants.elementaryCharge * vector }
    /// The absolute axial coupling g_A = e eps^A.
    public var absoluteAxial: Double { PhysicalConstants.elementaryCharge * axial }

    /// The coupling to the left-handed component, eps^V - eps^A (units of e): with
    /// gamma^5 P_L = -P_L the Lagrangian reads e Z' [(eps^V - eps^A) fbar_L gamma f_L +
    /// (eps^V + eps^A) fbar_R gamma f_R]. For a purely left-handed neutrino this is g_X X_L / e.
    public var left: Double { vector - axial }
    /// The coupling to the right-handed component, eps^V + eps^A (units of e).
    public var right: Double { vector + axial }
}

/// A Z' coupling with complex eps^V and eps^A (units of e): tree-level couplings are real, effective
/// couplings at time-like momentum transfer (the loop-induced kinetic mixing above its thresholds)
/// and off-diagonal couplings of mixed states are complex. Decay widths use the squared moduli.
public struct ComplexChiralCoupling: Sendable, Hashable {
    /// eps^V (units of e).
    public var vector: Complex<Double>
    /// eps^A (units of e).
    public var axial: Complex<Double>

    /// Creates a coupling.
    public init(vector: Complex<Double>, axial: Complex<Double>) {
        self.vector = vector
        self.axial = axial
    }

    /// A real coupling.
    public init(_ coupling: ChiralCoupling) {
        vector = Complex(coupling.vector, 0)
        axial = Complex(coupling.axial, 0)
    }

    /// The coupling with left-handed part `left` and right-handed part `right`:
    /// eps^V = (left + right)/2, eps^A = (right - left)/2.
    public init(left: Complex<Double>, right: Complex<Double>) {
        vector = Complex(0.5, 0) * (left + right)
        axial = Complex(0.5, 0) * (right - left)
    }

    /// No coupling.
    public static let zero = ComplexChiralCoupling(vector: .zero, axial: .zero)

    /// Whether both parts vanish.
    public var isZero: Bool { vector == .zero && axial == .zero }

    /// The real parts.
    public var real: ChiralCoupling { ChiralCoupling(vector: vector.real, axial: axial.real) }
    /// The imaginary parts.
    public var imaginary: ChiralCoupling { ChiralCoupling(vector: vector.imaginary, axial: axial.imaginary) }
    /// The left-handed part eps^V - eps^A.
    public var left: Complex<Double> { vector - axial }
    /// The right-handed part eps^V + eps^A.
    public var right: Complex<Double> { vector + axial }
    /// |eps^V|^2.
    public var vectorMagnitudeSquared: Double { vector.lengthSquared }
    /// |eps^A|^2.
    public var axialMagnitudeSquared: Double { axial.lengthSquared }
    /// |eps^V - eps^A|^2, the squared coupling of the left-handed component.
    public var leftMagnitudeSquared: Double { (vector - axial).lengthSquared }
    /// |eps^V + eps^A|^2, the squared coupling of the right-handed component.
    public var rightMagnitudeSquared: Double { (vector + axial).lengthSquared }
    /// Whether both parts are finite.
    public var isFinite: Bool { vector.isFinite && axial.isFinite }

    /// The coupling multiplied by a real factor.
    public func scaled(by factor: Double) -> ComplexChiralCoupling {
        ComplexChiralCoupling(vector: Complex(factor, 0) * vector, axial: Complex(factor, 0) * axial)
    }
}
