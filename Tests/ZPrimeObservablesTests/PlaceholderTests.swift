import Testing
@testable import ZPrimeObservables

@Test("module ZPrimeObservables builds") func moduleBuilds() { #expect(Bool(true)) }
