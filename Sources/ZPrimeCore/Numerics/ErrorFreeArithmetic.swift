/// Error-free transformations of floating-point sums and products, and a compensated dot product.
///
/// A sum a + b of two doubles equals s + e exactly, with s = fl(a + b) and e the rounding error
/// (Knuth's TwoSum); a product a * b equals p + e exactly with e = fma(a, b, -p). Summing the pieces
/// carries roughly twice the working precision, so a short expression like M_F^2 - M_0^2 - m^2,
/// whose terms may cancel to 1e-10 of their size, comes out correctly rounded instead of losing ten
/// digits (Ogita, Rump, Oishi, SIAM J. Sci. Comput. 26 (2005) 1955, "Accurate sum and dot product").
///
/// ```swift
/// // m_Z'^2 + M_F^2 - m^2 with M_F = m: exactly m_Z'^2 even when m_Z' << m.
/// let w = ErrorFreeArithmetic.signedSquareSum(1e-6, 0.1, 0.1, signs: (1, 1, -1))
/// print(w)   // 1e-12
/// ```
public enum ErrorFreeArithmetic {
    /// The exact sum a + b as (rounded sum, rounding error).
    @inlinable
    public static func twoSum(_ a: Double, _ b: Double) -> (sum: Double, error: Double) {
        let s = a + b
        let bVirtual = s - a
        let aVirtual = s - bVirtual
        return (s, (a - aVirtual) + (b - bVirtual))
    }

    /// The exact product a * b as (rounded product, rounding error), using a fused multiply-add.
    @inlinable
    public static func twoProduct(_ a: Double, _ b: Double) -> (product: Double, error: Double) {
        let p = a * b
        return (p, (-p).addingProduct(a, b))
    }

    /// s_a a^2 + s_b b^2 + s_c c^2 for signs s = +1 or -1, evaluated with compensation (each square
    /// exact, the sum carried in double-double): correctly rounded except in pathological cases.
    /// Used for sums such as M_F^2 - M_0^2 - m^2 that cancel near thresholds.
    @inlinable
    public static func signedSquareSum(_ a: Double, _ b: Double, _ c: Double, signs: (Double, Double, Double)) -> Double {
        let (pa, ea) = twoProduct(a, a)
        let (pb, eb) = twoProduct(b, b)
        let (pc, ec) = twoProduct(c, c)
        let (s1, e1) = twoSum(signs.0 * pa, signs.1 * pb)
        let (s2, e2) = twoSum(s1, signs.2 * pc)
        return s2 + ((e1 + e2) + (signs.0 * ea + signs.1 * eb + signs.2 * ec))
    }

    /// a + b + c with compensation: correctly rounded unless the exact sum underflows.
    @inlinable
    public static func sum(_ a: Double, _ b: Double, _ c: Double) -> Double {
        let (s1, e1) = twoSum(a, b)
        let (s2, e2) = twoSum(s1, c)
        return s2 + (e1 + e2)
    }
}
