import Foundation
import Testing
import ZPrimeCore
@testable import ZPrimeDecays

@Suite("alpha_s: the lazily built standard table")
struct StrongCouplingTableTests {
    @Test("StrongCoupling.standard equals a table built eagerly for the same alpha_s(m_Z), bit for bit")
    func lazyEqualsEager() {
        let eager = StrongCoupling(alphaAtZ: PhysicalConstants.alphaStrongZ)
        #expect(StrongCoupling.standard.alphaAtZ == eager.alphaAtZ)
        // Below the grid, on grid points, between them, across the flavour thresholds and above the grid.
        var scales: [Double] = [0.5, 1, 1.27, 1.2730001, 4.18, 91.1876, 162.5, 1e5, 2e5]
        for k in 0..<600 { scales.append(exp(Double(k) * 0.0193)) }
        for mu in scales {
            #expect(StrongCoupling.standard(mu).bitPattern == eager(mu).bitPattern, "mu = \(mu)")
        }
    }
}
