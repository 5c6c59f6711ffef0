// ZPrimeCouplings: Z' vector and axial couplings from charges, kinetic mixing and mass mixing.
import ZPrimeModels
