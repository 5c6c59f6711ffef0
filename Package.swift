// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ZPrime",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "ZPrimeKit", targets: ["ZPrimeKit"]),
        .executable(name: "zprime", targets: ["zprime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
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
            dependencies: ["ZPrimeCore", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        // Umbrella module re-exporting the pipeline stages.
        .target(name: "ZPrimeKit", dependencies: ["ZPrimeCore", "ZPrimeModels"]),
        // Command-line front end: parses arguments and formats output only.
        .executableTarget(
            name: "zprime",
            dependencies: [
                "ZPrimeKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ZPrimeCoreTests", dependencies: ["ZPrimeCore"]),
        .testTarget(name: "ZPrimeModelsTests", dependencies: ["ZPrimeModels"], resources: [.copy("Fixtures")]),
        .testTarget(name: "ZPrimeCLITests", dependencies: ["zprime"]),
    ],
    swiftLanguageModes: [.v6]
)
