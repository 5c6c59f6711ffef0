import Testing
@testable import ZPrimeDecays

@Test("module ZPrimeDecays builds") func moduleBuilds() { #expect(Bool(true)) }
