import Testing
@testable import ZPrimeNeutrino
