import Testing
@testable import ZPrimeAtlas

@Test("module ZPrimeAtlas builds") func moduleBuilds() { #expect(Bool(true)) }
