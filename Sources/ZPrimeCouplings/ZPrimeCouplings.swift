// ZPrimeCouplings: Z' vector and axial couplings from charges, kinetic and mass mixing.
//
// The pipeline stage between a `Model` and the observables. Start with `CouplingCalculator`:
//
//     let calculator = try CouplingCalculator(model: model, gaugeCoupling: 1e-3, kineticMixing: nil)
//     let eps = calculator.couplings(atSquaredMomentum: 0)   // FermionCouplings, units of e
//
// Pieces, each usable on its own:
// - `GaugeBosonMixing`: the exact A-Z-Z' diagonalisation (kinetic mixing and Z-Z' mass mixing
//   through an X-charged Higgs), seed 000 backup "Gauge boson mixing".
// - `LoopKineticMixing`: the finite, complex, q^2-dependent kinetic mixing induced by lepton loops
//   in L_i - L_j type models (seed 003; del Aguila, Masip, Perez-Victoria 1995).
// - `LightNeutrinos`: which neutrino states are light (left-handed Majorana, Dirac, light N_R).
import ZPrimeModels
