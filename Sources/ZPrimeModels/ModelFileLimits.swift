import ZPrimeCore

/// The documented limits of a model file (docs/model-files.md, "Limits"), checked before any
/// computation. Each refusal is a ``ModelFileError`` naming the field, the value (shortened to
/// ``maximumQuotedLength`` characters) and the limit.
///
/// ## Why these charge limits keep every exact computation inside 64 bits
///
/// Let L be the least common multiple of the denominators of every U(1)_X charge and every
/// hypercharge in the model, the Standard Model's included (so 6 divides L). The decoder requires
///
///     |X| * L <= K and |Y| * L <= K for every charge X and hypercharge Y, K = ``maximumNormalisedCharge`` = 7200,
///     F <= ``maximumWeylFermions`` = 32768 left-handed Weyl fermions (families, N_R, copies and chiral parts counted).
///
/// Since E has Y = -1, L <= K. Write X = x / L, Y = y / L with integers |x|, |y| <= K.
///
/// - Anomaly sums (``AnomalyReport``). A field contributes at most d |Y|^2 |X| (or d |X|^3,
///   d |Y|^3) with d = dim(colour) dim(isospin) <= 8 * 12 = 96; every such term and every partial
///   sum has a denominator dividing L^3, so in units of 1/L^3 a term is at most 96 K^3 and a
///   partial sum at most F * 96 K^3. `Rational.+` forms n1 * (d2 / g) and n2 * (d1 / g), whose sizes are
///   the operands' values times lcm(d1, d2), a divisor of L^3: both stay below F * 96 K^3.
///   The final normalisation multiplies by at most 6: 6 * F * 96 * K^3 = 576 * 32768 * 7200^3
///   = 7.04e18 < 2^63 - 1 = 9.22e18. The products inside one term, ((d * Y) * Y) * X, have
///   numerators at most 96 K^3. The terms T(r) dim X of the SU(3)^2 X and SU(2)^2 X conditions
///   (T <= 143 for isospin 12) have denominators dividing 2L and stay below 2 * F * 2288 K, far
///   smaller.
/// - Yukawa and Weinberg checks (``YukawaAnalysis``) add at most four charges: |numerator| <= 4K.
/// - The integer and fraction literals are checked against K before a ``Rational`` is built, so
///   `Int64.min` and other extreme literals never reach the arithmetic.
///
/// The boundary is tested: a model whose charges reach K and whose fields reach F computes its
/// anomalies exactly (``maximumNormalisedCharge`` is the largest K of the form 7200 that keeps
/// the bound for F = 32768; K + 1 is refused).
public enum ModelFileLimits {
    /// The largest model file read, in bytes (4 MiB: a model with ``maximumExtraFermions``
    /// fermions written out in full takes about 1 MiB).
    public static let maximumFileBytes = 4 << 20
    /// The deepest nesting of tables, arrays and dotted keys (a model file needs 4).
    public static let maximumDepth = 32
    /// The most values (numbers, strings, arrays, tables) in one file.
    public static let maximumValues = 262_144
    /// The most `[[fermions]]` entries.
    public static let maximumExtraFermions = 10_000
    /// The most `[[scalars]]` entries (each adds two insertions to every Yukawa term checked).
    public static let maximumScalars = 64
    /// The most right-handed neutrinos (entries of `charges.N`).
    public static let maximumRightHandedNeutrinos = 64
    /// The most left-handed Weyl fermions in total: 5 per family, one per N_R, and per copy
    /// one for each chiral part of an extra fermion.
    public static let maximumWeylFermions = 32_768
    /// K: the largest |X| * L and |Y| * L, with L the common denominator of the model's
    /// charges and hypercharges (for integer charges, L = 6 and |X| <= 1200).
    public static let maximumNormalisedCharge: Int64 = 7_200
    /// The longest name (model, fermion or scalar) or string entry, in characters.
    public static let maximumNameLength = 256
    /// The longest description, in characters.
    public static let maximumDescriptionLength = 4_096
    /// Values quoted in messages are cut to this many characters.
    public static let maximumQuotedLength = 40

    /// `text`, cut to ``maximumQuotedLength`` characters with "..." when longer.
    public static func quoted(_ text: String) -> String {
        guard text.count > maximumQuotedLength else { return text }
        return String(text.prefix(maximumQuotedLength - 3)) + "..."
    }
}
