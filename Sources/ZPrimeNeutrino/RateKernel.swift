import ZPrimeCore
import ZPrimeObservables

/// How electron recoils in atoms are treated.
public enum ElectronBinding: String, Sendable, Hashable, CaseIterable {
    /// Free electrons at rest (every electron scatters at any recoil).
    case free
    /// The stepping approximation: an electron of binding energy B takes part only when T > B
    /// (Kopp, Schwetz, Zupan, JCAP 02 (2010) 014; Chen et al., Phys. Lett. B 774 (2017) 656).
    case stepping
}

/// Expected event counts of one detector, by recoil bin and by normalisation group (the source of a
/// systematic pull), and by neutrino flavour.
public struct EventCounts: Sendable, Hashable {
    /// counts[bin][group].
    public var matrix: [[Double]]
    /// Counts per flavour (nu_e, nu_mu, nu_tau; antineutrinos with their flavour).
    public var flavours: [Double]

    /// The total.
    public var total: Double { matrix.reduce(0) { $0 + $1.reduce(0, +) } }
    /// Counts per bin.
    public var bins: [Double] { matrix.map { $0.reduce(0, +) } }
    /// Counts per group.
    public var groups: [Double] {
        guard let first = matrix.first else { return [] }
        return (0..<first.count).map { g in matrix.reduce(0) { $0 + $1[g] } }
    }

    /// Two detectors' counts side by side (bins appended; groups must agree).
    public static func + (lhs: EventCounts, rhs: EventCounts) -> EventCounts {
        EventCounts(matrix: lhs.matrix + rhs.matrix, flavours: zip(lhs.flavours, rhs.flavours).map(+))
    }
}

/// The model-independent part of an event-rate calculation, prepared once per detector: recoil
/// nodes and weights with the flux moments, target counts, form factors and efficiencies folded in,
/// so that a parameter point costs one pass over the nodes.
///
///     N = sum over targets, flux components:  n_T Int_window dT eps(T) Int_{E_min(T)} dE phi(E) dsigma/dT(E, T)
///
/// dsigma/dT is a polynomial in 1/E at fixed T (``NeutrinoCrossSections``), so the energy integral is
/// the flux moments A_k(E_min(T)) (``NeutrinoSpectrum``) times T-dependent coefficients that carry
/// all the Z' dependence (through 2 M T + m^2 and the q^2-dependent couplings). The recoil integral
/// uses 8-point Gauss-Legendre panels in u = ln T no wider than 0.35, split at every kink (line
/// endpoints 2E^2/(M + 2E), continuum ends, bin edges, atomic binding energies): in u the Z'
/// propagator 1/(2MT + m^2) is analytic within distance pi of the real axis for every m, so the rule
/// converges for any mass without knowing it (tests: agreement with adaptive double integration to
/// 1e-7).
public struct RateKernel: Sendable {
    struct NuclearChannel: Sendable {
        var nucleus: CoherentNeutrinoNucleusScattering.Nucleus
        var flavour: Int
        var group: Int
        var recoil: [Double]
        var weight: [Double]
        var bin: [Int]
    }

    struct ElectronChannel: Sendable {
        var flavour: NeutrinoFlavour
        var antineutrino: Bool
        var group: Int
        var recoil: [Double]
        var weightLeft: [Double]     // multiplies g_L^2
        var weightRight: [Double]    // multiplies g_R^2
        var weightMixed: [Double]    // multiplies g_L g_R
        var bin: [Int]
    }

    private var nuclear: [NuclearChannel] = []
    private var electrons: [ElectronChannel] = []
    /// The recoil-bin edges (GeV).
    public let binEdges: [Double]
    /// The number of normalisation groups.
    public let groupCount: Int

    /// The number of recoil nodes (a measure of the cost of one evaluation).
    public var nodeCount: Int { nuclear.reduce(0) { $0 + $1.recoil.count } + electrons.reduce(0) { $0 + $1.recoil.count } }

    static let panelWidth = 0.35

    /// Gauss-Legendre nodes in ln T over [lower, upper] split at `breaks`: (T, weight dT).
    static func nodes(lower: Double, upper: Double, breaks: [Double]) -> [(Double, Double)] {
        guard upper > lower, lower > 0 else { return [] }
        let points = ([lower, upper] + breaks.filter { $0 > lower && $0 < upper }).sorted()
        var out: [(Double, Double)] = []
        for k in 0..<(points.count - 1) {
            let ua = Double.log(points[k]), ub = Double.log(points[k + 1])
            guard ub > ua else { continue }
            let panels = max(1, Int((ub - ua) / panelWidth) + 1)
            let h = (ub - ua) / Double(panels)
            for p in 0..<panels {
                let a = ua + Double(p) * h
                let half = 0.5 * h, mid = a + half
                for (x, w) in zip(GaussLegendre.nodes8, GaussLegendre.weights8) {
                    let t = Double.exp(mid + half * x)
                    out.append((t, half * w * t))
                }
            }
        }
        return out
    }

    static func binIndex(_ t: Double, _ edges: [Double]) -> Int {
        var i = 0
        while i + 2 < edges.count && t >= edges[i + 1] { i += 1 }
        return i
    }

    private init(binEdges: [Double], groupCount: Int) {
        self.binEdges = binEdges
        self.groupCount = groupCount
    }

    /// Coherent scattering on every nucleus of `target` (mass `kilograms`), recoil bins `binEdges`
    /// (GeV, increasing; the first and last edge are the analysis window), efficiency `efficiency(T)`.
    public static func coherent(target: TargetMaterial, kilograms: Double, components: [FluxComponent], binEdges: [Double],
                                efficiency: (Double) -> Double = { _ in 1 }) -> RateKernel {
        let groups = (components.map(\.group).max() ?? 0) + 1
        var kernel = RateKernel(binEdges: binEdges, groupCount: groups)
        let g = PhysicalConstants.fermiConstant
        let conversion = PhysicalConstants.gevMinus2InSquareCentimetres
        for component in target.components {
            let nucleus = component.nucleus
            let m = nucleus.mass
            let targets = target.formulaUnitsPerKilogram * kilograms * component.multiplicity
            for flux in components {
                let upper = min(binEdges[binEdges.count - 1], NeutrinoCrossSections.maximumRecoil(energy: flux.spectrum.maximumEnergy, targetMass: m))
                let breaks = flux.spectrum.edges.map { NeutrinoCrossSections.maximumRecoil(energy: $0, targetMass: m) } + binEdges
                var channel = NuclearChannel(nucleus: nucleus, flavour: flux.flavour.index, group: flux.group, recoil: [], weight: [], bin: [])
                for (t, w) in nodes(lower: binEdges[0], upper: upper, breaks: breaks) {
                    let (a0, _, a2) = flux.spectrum.moments(above: NeutrinoCrossSections.minimumEnergy(recoil: t, targetMass: m))
                    let f = CoherentNeutrinoNucleusScattering.helmFormFactor(momentumTransfer: (2 * m * t).squareRoot(), massNumber: nucleus.massNumber)
                    let weight = w * targets * conversion * g * g * m / (4 * Double.pi) * f * f * efficiency(t) * max(0, a0 - 0.5 * m * t * a2)
                    guard weight > 0 else { continue }
                    channel.recoil.append(t)
                    channel.weight.append(weight)
                    channel.bin.append(binIndex(t, binEdges))
                }
                if !channel.recoil.isEmpty { kernel.nuclear.append(channel) }
            }
        }
        return kernel
    }

    /// Elastic scattering on the electrons of `target` with the given binding treatment.
    public static func electronic(target: TargetMaterial, kilograms: Double, components: [FluxComponent], binEdges: [Double],
                                  binding: ElectronBinding, efficiency: (Double) -> Double = { _ in 1 }) -> RateKernel {
        let shells = binding == .stepping ? target.shells.map(\.bindingEnergy) : []
        return electronic(electrons: target.electronsPerKilogram * kilograms, components: components, binEdges: binEdges,
                          activeFraction: { binding == .stepping ? target.activeElectronFraction(recoilEnergy: $0) : 1 },
                          steps: shells, efficiency: efficiency)
    }

    /// Elastic scattering on `electrons` electrons (free, or with `activeFraction(T)` of them active
    /// and steps at `steps`).
    public static func electronic(electrons: Double, components: [FluxComponent], binEdges: [Double],
                                  activeFraction: (Double) -> Double = { _ in 1 }, steps: [Double] = [],
                                  efficiency: (Double) -> Double = { _ in 1 }) -> RateKernel {
        let groups = (components.map(\.group).max() ?? 0) + 1
        var kernel = RateKernel(binEdges: binEdges, groupCount: groups)
        let g = PhysicalConstants.fermiConstant
        let me = PhysicalConstants.electronMass
        let conversion = PhysicalConstants.gevMinus2InSquareCentimetres
        for flux in components {
            let upper = min(binEdges[binEdges.count - 1], NeutrinoCrossSections.maximumRecoil(energy: flux.spectrum.maximumEnergy, targetMass: me))
            let breaks = flux.spectrum.edges.map { NeutrinoCrossSections.maximumRecoil(energy: $0, targetMass: me) } + binEdges + steps
            var channel = ElectronChannel(flavour: flux.flavour, antineutrino: flux.antineutrino, group: flux.group, recoil: [], weightLeft: [],
                                          weightRight: [], weightMixed: [], bin: [])
            for (t, w) in nodes(lower: binEdges[0], upper: upper, breaks: breaks) {
                let (a0, a1, a2) = flux.spectrum.moments(above: NeutrinoCrossSections.minimumEnergy(recoil: t, targetMass: me))
                let common = w * electrons * activeFraction(t) * conversion * 2 * g * g * me / Double.pi * efficiency(t)
                guard common > 0, a0 > 0 else { continue }
                channel.recoil.append(t)
                channel.weightLeft.append(common * a0)
                channel.weightRight.append(common * max(0, a0 - 2 * t * a1 + t * t * a2))
                channel.weightMixed.append(-common * me * t * a2)
                channel.bin.append(binIndex(t, binEdges))
            }
            if !channel.recoil.isEmpty { kernel.electrons.append(channel) }
        }
        return kernel
    }

    /// The expected counts for the Standard Model (`exchange` nil) or with a Z'.
    public func counts(exchange: ZPrimeExchange?) -> EventCounts {
        var matrix = [[Double]](repeating: [Double](repeating: 0, count: groupCount), count: max(1, binEdges.count - 1))
        var flavours = [0.0, 0.0, 0.0]
        let gf = PhysicalConstants.fermiConstant
        let root2 = 2.0.squareRoot()
        for channel in nuclear {
            let nucleus = channel.nucleus
            let qw = NeutrinoCrossSections.standardWeakCharge(protons: nucleus.protons, neutrons: nucleus.neutrons)
            var sum = 0.0
            if let exchange, exchange.neutrino[channel.flavour] != 0 {
                let z = Double(nucleus.protons), n = Double(nucleus.neutrons)
                let gnu = exchange.neutrino[channel.flavour]
                let m2 = exchange.mass * exchange.mass
                let staticNuclear = z * exchange.staticCouplings.proton + n * exchange.staticCouplings.neutron
                let e = PhysicalConstants.elementaryCharge
                for j in 0..<channel.recoil.count {
                    let q2 = 2 * nucleus.mass * channel.recoil[j]
                    var nuclearCoupling = staticNuclear
                    if exchange.dependsOnMomentum { nuclearCoupling -= z * e * exchange.loopShift(squaredMomentum: -q2) }
                    let q = qw - root2 * gnu * nuclearCoupling / (gf * (q2 + m2))
                    let v = channel.weight[j] * q * q
                    matrix[channel.bin[j]][channel.group] += v
                    sum += v
                }
            } else {
                for j in 0..<channel.recoil.count {
                    let v = channel.weight[j] * qw * qw
                    matrix[channel.bin[j]][channel.group] += v
                    sum += v
                }
            }
            flavours[channel.flavour] += sum
        }
        for channel in electrons {
            var sum = 0.0
            for j in 0..<channel.recoil.count {
                let (gl, gr) = NeutrinoCrossSections.electronCouplings(flavour: channel.flavour, antineutrino: channel.antineutrino,
                                                                       recoil: channel.recoil[j], exchange: exchange)
                let v = channel.weightLeft[j] * gl * gl + channel.weightRight[j] * gr * gr + channel.weightMixed[j] * gl * gr
                matrix[channel.bin[j]][channel.group] += v
                sum += v
            }
            flavours[channel.flavour.index] += sum
        }
        return EventCounts(matrix: matrix, flavours: flavours)
    }
}
