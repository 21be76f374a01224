// swift-tools-version: 6.1
import PackageDescription

// Benchmarks live in their own package so the main build and the test suite never pay for them.
// Run: Scripts/benchmark [area…]   (builds in release mode and prints figures)
let package = Package(
    name: "SignetBenchmarks",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(name: "signet", path: ".."),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
    ],
    targets: [
        .executableTarget(
            name: "signet-benchmarks",
            dependencies: [
                .product(name: "Merkle", package: "signet"),
                .product(name: "SigstoreCrypto", package: "signet"),
                .product(name: "SignedNote", package: "signet"),
                .product(name: "SigstoreModels", package: "signet"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            path: "Sources/SignetBenchmarks",
            swiftSettings: [.swiftLanguageMode(.v6)]
        )
    ]
)
