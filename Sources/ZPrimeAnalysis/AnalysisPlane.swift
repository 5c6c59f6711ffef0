import ZPrimeCore
import ZPrimeModels
import ZPrimePoint

/// The part of the mass-coupling plane an analysis covers: the plot's axes, and the grid of masses
/// on which the surviving window and the computed constraints are evaluated.
///
/// ```swift
/// let plane = AnalysisPlane.standard(for: BuiltinModels.model(named: "Lmu-Ltau")!)
/// print(plane.masses, plane.couplings)   // 0.001...1.0 1e-05...0.01
/// ```
public struct AnalysisPlane: Sendable, Hashable {
    /// Boson masses, GeV.
    public var masses: ClosedRange<Double>
    /// Couplings on the model's axis (g_X, or eps for the dark photon).
    public var couplings: ClosedRange<Double>
    /// Masses of the log-spaced grid of the window and of the computed constraints.
    public var massPoints: Int

    /// The largest grid: beyond it an analysis stops being a matter of seconds.
    public static let maximumMassPoints = 2000

    /// Creates a plane; ``validate()`` checks it.
    public init(masses: ClosedRange<Double>, couplings: ClosedRange<Double>, massPoints: Int = 121) {
        self.masses = masses
        self.couplings = couplings
        self.massPoints = massPoints
    }

    /// The plane the field's papers draw for `model`: 1 MeV to 1 GeV and 1e-5 to 1e-2 for the
    /// lepton-flavoured L_i - L_j models (Amaral et al., arXiv:2006.11225, Fig. 1), 1 MeV to 10 GeV and
    /// 1e-8 to 1e-2 in eps for the dark photon (Fabbrichesi, Gabrielli, Lanfranchi, arXiv:2005.01515,
    /// Fig. 16), 1 MeV to 10 GeV and 1e-6 to 1e-2 otherwise (Bauer, Foldenauer, Jaeckel,
    /// arXiv:1803.05466, Fig. 3 for B-L).
    public static func standard(for model: Model) -> AnalysisPlane {
        let name = model.name.lowercased()
        if model.isKineticMixingOnly { return AnalysisPlane(masses: 1e-3...10, couplings: 1e-8...1e-2) }
        if name.hasPrefix("le-l") || name.hasPrefix("lmu-l") { return AnalysisPlane(masses: 1e-3...1, couplings: 1e-5...1e-2) }
        return AnalysisPlane(masses: 1e-3...10, couplings: 1e-6...1e-2)
    }

    /// Checks the ranges and the grid size.
    ///
    /// - Throws: ``ZPrimeCore/Problem`` naming the range for an empty or inverted range, a bound that is
    ///   not finite and positive, a mass above ``ParameterPoint/maximumMass``, or a grid outside 2...2000.
    public func validate() throws(Problem) {
        for (range, parameter) in [(masses, Parameter.mass), (couplings, Parameter.coupling)] {
            try Validate.positive(range.lowerBound, parameter)
            try Validate.positive(range.upperBound, parameter)
            guard range.upperBound > range.lowerBound else {
                throw Problem.invalid(parameter, text: "\(range.lowerBound):\(range.upperBound)", "the range is empty: give LOWER:UPPER with LOWER < UPPER")
            }
        }
        guard masses.upperBound <= ParameterPoint.maximumMass else {
            throw Problem.invalid(.mass, masses.upperBound, "must be <= \(ParameterPoint.maximumMass) GeV")
        }
        guard couplings.upperBound <= 10 else { throw Problem.invalid(.coupling, couplings.upperBound, "must be <= 10 (perturbative couplings)") }
        guard (2...Self.maximumMassPoints).contains(massPoints) else {
            throw Problem.invalid(.field("mass-points"), text: "\(massPoints)", "must be between 2 and \(Self.maximumMassPoints)")
        }
    }

    /// The log-spaced masses of the grid.
    public func massGrid() throws(Problem) -> [Double] {
        try validate()
        return try Grid.logSpaced(from: masses.lowerBound, to: masses.upperBound, count: massPoints, parameter: .mass)
    }
}
