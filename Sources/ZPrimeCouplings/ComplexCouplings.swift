import Numerics

extension CouplingTarget {
    /// The position of the target in `CouplingTarget.allCases` (0 ... 13), for array storage.
    public var ordinal: Int {
        switch self {
        case .electron: return 0
        case .muon: return 1
        case .tau: return 2
        case .electronNeutrino: return 3
        case .muonNeutrino: return 4
        case .tauNeutrino: return 5
        case .up: return 6
        case .down: return 7
        case .strange: return 8
        case .charm: return 9
        case .bottom: return 10
        case .top: return 11
        case .proton: return 12
        case .neutron: return 13
        }
    }

    /// The number of targets (`allCases.count`, stored).
    public static let caseCount = allCases.count

    /// The SM fermions (every target but the nucleons), in `allCases` order.
    public static let fermions: [CouplingTarget] = allCases.filter { $0 != .proton && $0 != .neutron }
}

/// A Z' coupling with complex eps^V and eps^A (units of e), as produced by the loop-induced
/// kinetic mixing above its thresholds. Decay widths use the squared moduli.
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

    /// No coupling.
    public static let zero = ComplexChiralCoupling(vector: .zero, axial: .zero)

    /// The real parts.
    public var real: ChiralCoupling { ChiralCoupling(vector: vector.real, axial: axial.real) }
    /// The imaginary parts.
    public var imaginary: ChiralCoupling { ChiralCoupling(vector: vector.imaginary, axial: axial.imaginary) }
    /// |eps^V|^2.
    public var vectorMagnitudeSquared: Double { vector.lengthSquared }
    /// |eps^A|^2.
    public var axialMagnitudeSquared: Double { axial.lengthSquared }
    /// |eps^V - eps^A|^2, the squared coupling of the left-handed component.
    public var leftMagnitudeSquared: Double { (vector - axial).lengthSquared }
    /// |eps^V + eps^A|^2, the squared coupling of the right-handed component.
    public var rightMagnitudeSquared: Double { (vector + axial).lengthSquared }
}

/// The complex couplings of one Z' to every ``CouplingTarget`` (units of e), plus light sterile
/// neutrinos when ``LightNeutrinos/lightSterile`` is chosen.
public struct ComplexFermionCouplings: Sendable, Hashable {
    /// One coupling per target, in `CouplingTarget.allCases` order (see ``CouplingTarget/ordinal``).
    public var values: [ComplexChiralCoupling]
    /// Couplings of the light right-handed neutrinos N_R (right-handed projections: eps^V = eps^A),
    /// empty unless the neutrino nature is ``LightNeutrinos/lightSterile``.
    public var sterileNeutrinos: [ComplexChiralCoupling]

    /// Creates a table (`values` must have one entry per target).
    public init(values: [ComplexChiralCoupling], sterileNeutrinos: [ComplexChiralCoupling] = []) {
        precondition(values.count == CouplingTarget.caseCount, "one coupling per CouplingTarget")
        self.values = values
        self.sterileNeutrinos = sterileNeutrinos
    }

    /// The coupling to `target`.
    public subscript(_ target: CouplingTarget) -> ComplexChiralCoupling {
        get { values[target.ordinal] }
        set { values[target.ordinal] = newValue }
    }

    /// The real parts as the shared ``FermionCouplings`` table.
    public var real: FermionCouplings {
        var table: [CouplingTarget: ChiralCoupling] = [:]
        for target in CouplingTarget.allCases { table[target] = values[target.ordinal].real }
        return FermionCouplings(table)
    }
}
