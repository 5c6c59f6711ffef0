// ZPrimeKit: the whole ZPrime pipeline in one import.
//
// Each stage is its own module: ZPrimeCore (exact and numerical foundations, constants),
// ZPrimeModels (field content, charges, anomalies, Yukawa terms, model files), ZPrimeAtlas
// (enumeration of anomaly-free charges), ZPrimeStore (SQLite store), ZPrimePoint (a parameter
// point and the resolution of user input), ZPrimeSpectrum (mass-basis particles and coupling
// matrices), ZPrimeCouplings, ZPrimeDecays, ZPrimeObservables, ZPrimeFlavour. Import the stage you need, or this
// umbrella for all of them.
@_exported import ZPrimeAtlas
@_exported import ZPrimeCore
@_exported import ZPrimeCouplings
@_exported import ZPrimeDecays
@_exported import ZPrimeFlavour
@_exported import ZPrimeModels
@_exported import ZPrimeObservables
@_exported import ZPrimePoint
@_exported import ZPrimeSpectrum
@_exported import ZPrimeStore
