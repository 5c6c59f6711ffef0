// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ZPrime",
    platforms: [.macOS(.v13)],
    products: [
        // The whole pipeline in one import, and each stage on its own (a client that needs only the
        // couplings does not link the SQLite store).
        .library(name: "ZPrimeKit", targets: ["ZPrimeKit"]),
        .library(name: "ZPrimeCore", targets: ["ZPrimeCore"]),
        .library(name: "ZPrimeModels", targets: ["ZPrimeModels"]),
        .library(name: "ZPrimeAtlas", targets: ["ZPrimeAtlas"]),
        .library(name: "ZPrimeStore", targets: ["ZPrimeStore"]),
        .library(name: "ZPrimePoint", targets: ["ZPrimePoint"]),
        .library(name: "ZPrimeSpectrum", targets: ["ZPrimeSpectrum"]),
        .library(name: "ZPrimeCouplings", targets: ["ZPrimeCouplings"]),
        .library(name: "ZPrimeDecays", targets: ["ZPrimeDecays"]),
        .library(name: "ZPrimeObservables", targets: ["ZPrimeObservables"]),
        .library(name: "ZPrimeFlavour", targets: ["ZPrimeFlavour"]),
        .executable(name: "zprime", targets: ["zprime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Exact arithmetic, numerics and physical constants shared by every stage.
        .target(
            name: "ZPrimeCore",
            dependencies: [.product(name: "Numerics", package: "swift-numerics")]
        ),
        // Field content, U(1)_X charges, anomaly conditions, allowed Yukawa terms, model files.
        .target(
            name: "ZPrimeModels",
            dependencies: ["ZPrimeCore"]
        ),
        // One point of a model's parameter space: mass, couplings, neutrino nature, dark sector,
        // datasets; the shared resolution of user input with the physics defaults.
        .target(name: "ZPrimePoint", dependencies: ["ZPrimeModels"]),
        // Mass-basis particle tables and chiral coupling matrices over them.
        .target(
            name: "ZPrimeSpectrum",
            dependencies: ["ZPrimePoint", .product(name: "Numerics", package: "swift-numerics")]
        ),
        // Enumeration and classification of anomaly-free integer charge assignments.
        .target(name: "ZPrimeAtlas", dependencies: ["ZPrimeModels"]),
        // The embedded SQLite store of atlas solutions.
        .target(
            name: "ZPrimeStore",
            dependencies: [
                "ZPrimeAtlas",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Z' couplings to SM fermions and nucleons: charges, kinetic and mass mixing.
        .target(
            name: "ZPrimeCouplings",
            dependencies: ["ZPrimeSpectrum", "ZPrimePoint", "ZPrimeModels", .product(name: "Numerics", package: "swift-numerics")]
        ),
        // Partial widths, branching ratios and lifetimes; hadronic data from DarkCast (GPL, see
        // Sources/ZPrimeDecays/DarkCastData/README.md).
        .target(
            name: "ZPrimeDecays",
            dependencies: ["ZPrimeCouplings", "ZPrimeSpectrum", "ZPrimePoint", "ZPrimeModels", "ZPrimeCore"],
            resources: [.copy("DarkCastData")]
        ),
        // Low-energy observables: lepton g-2, X17, parity violation, neutrino scattering.
        .target(
            name: "ZPrimeObservables",
            dependencies: ["ZPrimeDecays", "ZPrimeCouplings", "ZPrimeSpectrum", "ZPrimePoint", "ZPrimeCore", .product(name: "Numerics", package: "swift-numerics")],
            resources: [.copy("MeasuredInputs")]
        ),
        // Quark-flavour-violating Z' couplings (CKM alignment), weak-effective-theory matching, B_s
        // mixing, trident, muoquarks, cLFV, WCxf export for flavio.
        .target(
            name: "ZPrimeFlavour",
            dependencies: ["ZPrimeObservables", "ZPrimeCouplings", "ZPrimeSpectrum", "ZPrimeAtlas", "ZPrimePoint", "ZPrimeDecays", "ZPrimeModels", "ZPrimeCore",
                           .product(name: "Numerics", package: "swift-numerics")],
            resources: [.copy("FlavourInputs")]
        ),
        // Umbrella module re-exporting the pipeline stages.
        .target(
            name: "ZPrimeKit",
            dependencies: ["ZPrimeCore", "ZPrimeModels", "ZPrimeAtlas", "ZPrimeStore", "ZPrimePoint", "ZPrimeSpectrum", "ZPrimeCouplings", "ZPrimeDecays", "ZPrimeObservables", "ZPrimeFlavour"]
        ),
        // Command-line front end: parses arguments and formats output only.
        .executableTarget(
            name: "zprime",
            // Every stage is listed, not only the umbrella: SwiftPM's incremental build tracks
            // direct dependencies, and a layout change behind `@_exported import` alone left a stale
            // binary (seen here).
            dependencies: [
                "ZPrimeKit", "ZPrimeCore", "ZPrimeModels", "ZPrimeAtlas", "ZPrimeStore", "ZPrimePoint", "ZPrimeSpectrum", "ZPrimeCouplings", "ZPrimeDecays", "ZPrimeObservables",
                "ZPrimeFlavour", .product(name: "Numerics", package: "swift-numerics"), .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Every example of the doc comments, compiled and run (swift run zprime-examples).
        // Every stage listed, not only the umbrella (as for zprime: a layout change behind
        // `@_exported import` alone left a stale binary).
        .executableTarget(
            name: "zprime-examples",
            dependencies: ["ZPrimeKit", "ZPrimeCore", "ZPrimeModels", "ZPrimeAtlas", "ZPrimeStore", "ZPrimePoint", "ZPrimeSpectrum",
                           "ZPrimeCouplings", "ZPrimeDecays", "ZPrimeObservables", "ZPrimeFlavour", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(name: "ZPrimeCoreTests", dependencies: ["ZPrimeCore"]),
        .testTarget(name: "ZPrimeModelsTests", dependencies: ["ZPrimeModels"]),
        .testTarget(name: "ZPrimePointTests", dependencies: ["ZPrimePoint"]),
        .testTarget(name: "ZPrimeSpectrumTests", dependencies: ["ZPrimeSpectrum"]),
        .testTarget(name: "ZPrimeAtlasTests", dependencies: ["ZPrimeAtlas", "ZPrimeStore"]),
        .testTarget(name: "ZPrimeCouplingsTests", dependencies: ["ZPrimeCouplings"], exclude: ["References"]),
        .testTarget(name: "ZPrimeDecaysTests", dependencies: ["ZPrimeDecays"]),
        .testTarget(name: "ZPrimeObservablesTests", dependencies: ["ZPrimeObservables"]),
        .testTarget(name: "ZPrimeFlavourTests", dependencies: ["ZPrimeFlavour"], exclude: ["References"]),
        .testTarget(name: "ZPrimeCLITests", dependencies: ["zprime", "zprime-examples"], exclude: ["Golden", "Flavio"]),
    ],
    swiftLanguageModes: [.v6]
)
