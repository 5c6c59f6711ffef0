// ZPrimeCouplings: Z' couplings to every fermion of a particle table, from a parameter point.
//
// The stage between a `ParameterPoint` and the decays and observables:
//
//     let point = try ParameterPoint(model: model, mass: 0.017, coupling: 1e-3)
//     let table = try Couplings.table(for: point)          // CouplingTable at q^2 = m^2
//     table[.electron].vector                               // eps^V_e, units of e
//
// Pieces, each usable on its own:
// - `CouplingCalculator`: prepared for one point; tables at any mass and q^2, rescaled couplings.
// - `CouplingTable`: the mass-basis chiral coupling matrix, tagged with its mass and q^2, and the
//   Standard Model view (`CouplingTarget`, `FermionCouplings`).
// - `GaugeBosonMixing`: the exact A-Z-Z' diagonalisation (kinetic mixing and Z-Z' mass mixing
//   through an X-charged Higgs).
// - `LoopKineticMixing`: the finite, complex, q^2-dependent kinetic mixing induced by lepton loops
//   in L_i - L_j type models (del Aguila, Masip, Perez-Victoria 1995).
@_exported import ZPrimePoint
@_exported import ZPrimeSpectrum
