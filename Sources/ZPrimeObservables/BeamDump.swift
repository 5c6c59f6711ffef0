import RealModule
import ZPrimeCore

/// The probability that a long-lived boson produced in a beam dump decays inside the detector's
/// decay volume (e.g. Bauer, Foldenauer, Jaeckel, JHEP 07 (2018) 094, arXiv:1803.05466):
///
///     P_dec = exp(-L_sh / l) (1 - exp(-L_dec / l)),
///
/// with L_sh the shielding length before the decay volume, L_dec the decay-volume length and l the
/// lab-frame decay length gamma beta c tau. The second factor is evaluated as -expm1(-L_dec/l), so a
/// very long-lived boson (l >> L_dec) keeps P_dec ~ L_dec/l instead of rounding to zero.
///
/// The decay length needs the boson's total width, which the decays stage provides; here it is an
/// input, or computed by ``labDecayLength(mass:energy:totalWidth:)`` from a width.
public enum BeamDump {
    /// P_dec for lengths in metres (any common unit works; the names say metres).
    ///
    /// - Throws: ``Problem`` for negative or non-finite lengths or a non-positive decay length.
    public static func decayProbability(shieldingLengthMetres: Double, decayVolumeLengthMetres: Double,
                                        decayLengthMetres: Double) throws(Problem) -> Double {
        try Validate.nonNegative(shieldingLengthMetres, .field("shieldingLengthMetres"))
        try Validate.nonNegative(decayVolumeLengthMetres, .field("decayVolumeLengthMetres"))
        guard decayLengthMetres > 0, !decayLengthMetres.isNaN else {
            throw Problem.invalid(.field("decayLengthMetres"), text: "\(decayLengthMetres)", "must be positive (infinity allowed: stable)")
        }
        if decayLengthMetres == .infinity { return 0 }
        return Double.exp(-shieldingLengthMetres / decayLengthMetres) * -Double.expMinusOne(-decayVolumeLengthMetres / decayLengthMetres)
    }

    /// The lab-frame decay length gamma beta c tau = (p/m) hbar c / Gamma in metres, for a boson of
    /// mass `mass`, lab energy `energy` and total width `totalWidth` (GeV).
    public static func labDecayLength(mass: Double, energy: Double, totalWidth: Double) throws(Problem) -> Double {
        try Validate.positive(mass, .mass)
        try Validate.positive(totalWidth, .field("totalWidth"))
        try Validate.positive(energy, .energy)
        guard energy >= mass else {
            throw Problem.invalid(.energy, text: "\(energy)", "below the mass \(mass) GeV")
        }
        let momentum = ((energy - mass) * (energy + mass)).squareRoot()
        return momentum / mass * PhysicalConstants.hbarCGeVMetres / totalWidth
    }

    /// The decay length that maximises P_dec for the given geometry:
    /// l* = L_dec / ln(1 + L_dec/L_sh) (dP/dl = 0), or infinity-like behaviour when L_sh = 0.
    public static func optimalDecayLength(shieldingLengthMetres: Double, decayVolumeLengthMetres: Double) throws(Problem) -> Double {
        try Validate.positive(shieldingLengthMetres, .field("shieldingLengthMetres"))
        try Validate.positive(decayVolumeLengthMetres, .field("decayVolumeLengthMetres"))
        return decayVolumeLengthMetres / Double.log(onePlus: decayVolumeLengthMetres / shieldingLengthMetres)
    }
}
