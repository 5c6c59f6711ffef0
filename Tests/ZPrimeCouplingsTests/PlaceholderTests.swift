import Testing
@testable import ZPrimeCouplings

@Test("module ZPrimeCouplings builds") func moduleBuilds() { #expect(Bool(true)) }
