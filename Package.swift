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
        .library(name: "ZPrimeBatch", targets: ["ZPrimeBatch"]),
        .library(name: "ZPrimeNeutrino", targets: ["ZPrimeNeutrino"]),
        .library(name: "ZPrimeConstraints", targets: ["ZPrimeConstraints"]),
        .library(name: "ZPrimeScan", targets: ["ZPrimeScan"]),
        .library(name: "ZPrimePlot", targets: ["ZPrimePlot"]),
        .library(name: "ZPrimeAnalysis", targets: ["ZPrimeAnalysis"]),
        .library(name: "ZPrimeProbes", targets: ["ZPrimeProbes"]),
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
        // Batch systems: sharded computations as Slurm job arrays with a dependent merge job.
        .target(name: "ZPrimeBatch", dependencies: ["ZPrimeCore"]),
        // Neutrino scattering: CEvNS at stopped-pion sources, solar neutrinos on xenon and Borexino,
        // with the Z' interfering with the SM; cited data in Sources/ZPrimeNeutrino/NeutrinoData.
        .target(
            name: "ZPrimeNeutrino",
            dependencies: ["ZPrimeObservables", "ZPrimeCouplings", "ZPrimePoint", "ZPrimeModels", "ZPrimeCore", .product(name: "Numerics", package: "swift-numerics")],
            resources: [.copy("NeutrinoData")]
        ),
        // Experimental limits recast to any model (arXiv:1801.04847) and constraints from the
        // observables, behind one interface; limit data from DarkCast (GPL) and two openly licensed
        // repositories (see Sources/ZPrimeConstraints/LimitData/README.md).
        .target(
            name: "ZPrimeConstraints",
            dependencies: ["ZPrimeObservables", "ZPrimeDecays", "ZPrimeCouplings", "ZPrimePoint", "ZPrimeCore",
                           .product(name: "Numerics", package: "swift-numerics")],
            resources: [.copy("LimitData")]
        ),
        // Scans of two parameters over a grid: specification, point evaluators, the resumable
        // SQLite store of results, merge of shards, CSV/JSON export.
        .target(
            name: "ZPrimeScan",
            dependencies: [
                "ZPrimeConstraints", "ZPrimeObservables", "ZPrimeDecays", "ZPrimeCouplings", "ZPrimePoint", "ZPrimeCore",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Exclusion plots as SVG (geometry, labels, style; no physics), PNG/PDF through rsvg-convert.
        .target(name: "ZPrimePlot", dependencies: ["ZPrimeCore"]),
        // The main job: a model's exclusion plane, surviving windows, benchmark, report and plot.
        .target(
            name: "ZPrimeAnalysis",
            dependencies: ["ZPrimeConstraints", "ZPrimePlot", "ZPrimeNeutrino", "ZPrimeProbes", "ZPrimeObservables", "ZPrimeDecays", "ZPrimeCouplings", "ZPrimePoint",
                           "ZPrimeModels", "ZPrimeCore"]
        ),
        // Muon beams, neutrino tridents, cosmology and Majorana-neutrino couplings: NA64mu yields,
        // CCFR trident ratio, Delta N_eff, nu mass-basis couplings and decays, as constraints.
        .target(
            name: "ZPrimeProbes",
            dependencies: ["ZPrimeDecays", "ZPrimeObservables", "ZPrimeCouplings", "ZPrimeSpectrum", "ZPrimePoint", "ZPrimeModels", "ZPrimeCore",
                           .product(name: "Numerics", package: "swift-numerics")]
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
            dependencies: ["ZPrimeCore", "ZPrimeModels", "ZPrimeAtlas", "ZPrimeStore", "ZPrimePoint", "ZPrimeSpectrum", "ZPrimeCouplings", "ZPrimeDecays", "ZPrimeObservables",
                           "ZPrimeNeutrino", "ZPrimeBatch", "ZPrimeConstraints", "ZPrimeScan", "ZPrimePlot", "ZPrimeAnalysis", "ZPrimeProbes", "ZPrimeFlavour"]
        ),
        // Command-line front end: parses arguments and formats output only.
        .executableTarget(
            name: "zprime",
            // Every stage is listed, not only the umbrella: SwiftPM's incremental build tracks
            // direct dependencies, and a layout change behind `@_exported import` alone left a stale
            // binary (seen here).
            dependencies: [
                "ZPrimeKit", "ZPrimeCore", "ZPrimeModels", "ZPrimeAtlas", "ZPrimeStore", "ZPrimePoint", "ZPrimeSpectrum", "ZPrimeCouplings", "ZPrimeDecays", "ZPrimeObservables", "ZPrimeBatch",
                "ZPrimeNeutrino", "ZPrimeConstraints", "ZPrimeScan", "ZPrimePlot", "ZPrimeAnalysis", "ZPrimeProbes", "ZPrimeFlavour",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Every example of the doc comments, compiled and run (swift run zprime-examples).
        // Every stage listed, not only the umbrella (as for zprime: a layout change behind
        // `@_exported import` alone left a stale binary).
        .executableTarget(
            name: "zprime-examples",
            dependencies: ["ZPrimeKit", "ZPrimeCore", "ZPrimeModels", "ZPrimeAtlas", "ZPrimeStore", "ZPrimePoint", "ZPrimeSpectrum",
                           "ZPrimeCouplings", "ZPrimeDecays", "ZPrimeObservables", "ZPrimeNeutrino", "ZPrimeBatch", "ZPrimeConstraints", "ZPrimeScan", "ZPrimePlot", "ZPrimeAnalysis", "ZPrimeProbes", "ZPrimeFlavour", .product(name: "Numerics", package: "swift-numerics")]
        ),
        .testTarget(name: "ZPrimeCoreTests", dependencies: ["ZPrimeCore"], exclude: ["References"]),
        .testTarget(name: "ZPrimeModelsTests", dependencies: ["ZPrimeModels"]),
        .testTarget(name: "ZPrimePointTests", dependencies: ["ZPrimePoint"]),
        .testTarget(name: "ZPrimeSpectrumTests", dependencies: ["ZPrimeSpectrum"]),
        .testTarget(name: "ZPrimeAtlasTests", dependencies: ["ZPrimeAtlas", "ZPrimeStore"]),
        .testTarget(name: "ZPrimeCouplingsTests", dependencies: ["ZPrimeCouplings"], exclude: ["References"]),
        .testTarget(name: "ZPrimeDecaysTests", dependencies: ["ZPrimeDecays"]),
        .testTarget(name: "ZPrimeObservablesTests", dependencies: ["ZPrimeObservables"], exclude: ["References"]),
        .testTarget(name: "ZPrimeNeutrinoTests", dependencies: ["ZPrimeNeutrino"], exclude: ["References/README.md", "References/cevns_reference.py"],
                    resources: [.copy("References/Borexino_Bauer2018onh.lmt")]),
        .testTarget(name: "ZPrimeConstraintsTests", dependencies: ["ZPrimeConstraints"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ZPrimeScanTests", dependencies: ["ZPrimeScan"], exclude: ["References"]),
        .testTarget(name: "ZPrimeAnalysisTests", dependencies: ["ZPrimeAnalysis"]),
        .testTarget(name: "ZPrimePlotTests", dependencies: ["ZPrimePlot"], exclude: ["Golden", "Fixtures"]),
        .testTarget(name: "ZPrimeProbesTests", dependencies: ["ZPrimeProbes"], exclude: ["References"]),
        .testTarget(name: "ZPrimeFlavourTests", dependencies: ["ZPrimeFlavour"], exclude: ["References"]),
        .testTarget(name: "ZPrimeCLITests", dependencies: ["zprime", "zprime-examples"], exclude: ["Golden", "Flavio"]),
    ],
    swiftLanguageModes: [.v6]
)
