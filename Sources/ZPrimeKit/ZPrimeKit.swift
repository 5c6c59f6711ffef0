// ZPrimeKit: the whole ZPrime pipeline in one import.
//
// Each stage is its own module: ZPrimeCore (exact and numerical foundations, constants),
// ZPrimeModels (field content, charges, anomalies, Yukawa terms, model files), ZPrimeAtlas
// (enumeration of anomaly-free charges), ZPrimeStore (SQLite store), ZPrimePoint (a parameter
// point and the resolution of user input), ZPrimeSpectrum (mass-basis particles and coupling
// matrices), ZPrimeCouplings, ZPrimeDecays, ZPrimeObservables, ZPrimeProbes (muon beams, neutrino
// tridents, N_eff, Majorana-neutrino couplings), ZPrimeFlavour (b -> s mu mu, B_s mixing, WCxf),
// ZPrimeConstraints (limits and constraints), ZPrimeScan (grid scans and their store), ZPrimePlot
// (exclusion plots as SVG), ZPrimeAnalysis (the main job). Import the stage you need, or this
// umbrella for all of them.
@_exported import ZPrimeAnalysis
@_exported import ZPrimeAtlas
@_exported import ZPrimeBatch
@_exported import ZPrimeConstraints
@_exported import ZPrimeCore
@_exported import ZPrimeCouplings
@_exported import ZPrimeDecays
@_exported import ZPrimeFlavour
@_exported import ZPrimeModels
@_exported import ZPrimeNeutrino
@_exported import ZPrimeObservables
@_exported import ZPrimePlot
@_exported import ZPrimePoint
@_exported import ZPrimeScan
@_exported import ZPrimeProbes
@_exported import ZPrimeSpectrum
@_exported import ZPrimeStore
