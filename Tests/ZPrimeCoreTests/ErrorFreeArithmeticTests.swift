import Foundation
import Testing
@testable import ZPrimeCore

@Suite("Error-free transformations")
struct ErrorFreeArithmeticTests {
    /// 1e16 + 1 is not representable: the rounded sum is 1e16 and the error exactly 1.
    @Test("twoSum recovers the rounding error exactly")
    func twoSum() {
        let (s, e) = ErrorFreeArithmetic.twoSum(1e16, 1)
        #expect(s == 1e16 && e == 1)
        let (s2, e2) = ErrorFreeArithmetic.twoSum(0.1, 0.2)
        #expect(s2 == 0.30000000000000004)
        #expect(e2 == -2.7755575615628914e-17)   // 0.1 + 0.2 - fl(0.1 + 0.2) in binary64, exact
    }

    /// (1 + 2^-30)^2 = 1 + 2^-29 + 2^-60: the product rounds to 1 + 2^-29 and the error is 2^-60.
    @Test("twoProduct recovers the rounding error exactly")
    func twoProduct() {
        let a = 1 + Foundation.pow(2.0, -30.0)
        let (p, e) = ErrorFreeArithmetic.twoProduct(a, a)
        #expect(p == 1 + Foundation.pow(2.0, -29.0))
        #expect(e == Foundation.pow(2.0, -60.0))
    }

    /// a^2 - 1 - 0 with a = 1 + 2^-30 is exactly 2^-29 + 2^-60 (representable); the naive form loses
    /// the 2^-60. The second case is the g-2 situation M_F = m, M_0 << m: M_F^2 + M_0^2 - m^2 = M_0^2.
    @Test("signedSquareSum keeps the digits that cancel")
    func signedSquares() {
        let a = 1 + Foundation.pow(2.0, -30.0)
        #expect(ErrorFreeArithmetic.signedSquareSum(a, 1, 0, signs: (1, -1, 1)) == Foundation.pow(2.0, -29.0) + Foundation.pow(2.0, -60.0))
        #expect(a * a - 1 != Foundation.pow(2.0, -29.0) + Foundation.pow(2.0, -60.0))
        let m = 0.1056583755, boson = 1e-6
        let exact = ErrorFreeArithmetic.signedSquareSum(m, boson, m, signs: (1, 1, -1))
        #expect(abs(exact / (boson * boson) - 1) < 2e-16)
        #expect(ErrorFreeArithmetic.sum(1e16, 1, -1e16) == 1)
        #expect(1e16 + 1 - 1e16 != 1)
    }
}
