// ZPrimeKit: the whole ZPrime pipeline in one import.
//
// Each stage is its own module (ZPrimeCore: exact and numerical foundations; ZPrimeModels: field
// content, charges, anomalies and Yukawa terms; later stages build on them). Import the stage you
// need, or this umbrella for all of them.
@_exported import ZPrimeCore
@_exported import ZPrimeModels
