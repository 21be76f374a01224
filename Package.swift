// swift-tools-version: 6.1
import PackageDescription

// Module graph = architecture (Docs/Architecture.md). Dependencies point down only:
// foundations (SigstoreCrypto, Merkle, SignedNote) ← models (SigstoreModels) ← client libs and services
// ← SignetCLI / ServerSupport ← the thin executables `signet` and `signetd`.

let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let crypto: Target.Dependency = .product(name: "Crypto", package: "swift-crypto")
let cryptoExtras: Target.Dependency = .product(name: "CryptoExtras", package: "swift-crypto")
let asn1: Target.Dependency = .product(name: "SwiftASN1", package: "swift-asn1")
let x509: Target.Dependency = .product(name: "X509", package: "swift-certificates")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")

let package = Package(
    name: "signet",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "signet", targets: ["signet"]),
        .executable(name: "signetd", targets: ["signetd"]),
        .library(name: "SigstoreCrypto", targets: ["SigstoreCrypto"]),
        .library(name: "Merkle", targets: ["Merkle"]),
        .library(name: "SignedNote", targets: ["SignedNote"]),
        .library(name: "SigstoreModels", targets: ["SigstoreModels"]),
        .library(name: "RFC3161", targets: ["RFC3161"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
    ],
    targets: [
        // Foundations: pure, no I/O, no clocks.
        .target(name: "SigstoreCrypto", dependencies: [crypto, cryptoExtras, asn1, x509], swiftSettings: strictSettings),
        .target(name: "Merkle", dependencies: [crypto], swiftSettings: strictSettings),
        .target(name: "SignedNote", dependencies: [crypto, "SigstoreCrypto"], swiftSettings: strictSettings),
        .target(name: "RFC3161", dependencies: [crypto, asn1, x509, "SigstoreCrypto"], swiftSettings: strictSettings),
        // Models.
        .target(name: "SigstoreModels", dependencies: [crypto], swiftSettings: strictSettings),
        // Services and their storage.
        .target(name: "TLogService", dependencies: ["Merkle", "SignedNote", "SigstoreCrypto", "SigstoreModels", crypto, logging], swiftSettings: strictSettings),
        .target(name: "TLogStorageSQLite", dependencies: ["TLogService", "Merkle", grdb], swiftSettings: strictSettings),
        // CLI and server layers.
        .target(name: "SignetCLI", dependencies: [argumentParser, "SigstoreModels", "SigstoreCrypto", "Merkle", "SignedNote"], swiftSettings: strictSettings),
        // Executables: thin entry points.
        .executableTarget(name: "signet", dependencies: ["SignetCLI"], swiftSettings: strictSettings),
        .executableTarget(name: "signetd", dependencies: [], swiftSettings: strictSettings),
        .executableTarget(name: "tlog-load", dependencies: ["TLogService", "TLogStorageSQLite", "SigstoreCrypto", crypto, logging], swiftSettings: strictSettings),
        // Tests.
        .testTarget(name: "SigstoreCryptoTests", dependencies: ["SigstoreCrypto", crypto, cryptoExtras], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "MerkleTests", dependencies: ["Merkle", crypto], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "SignedNoteTests", dependencies: ["SignedNote", "SigstoreCrypto", crypto], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "RFC3161Tests", dependencies: ["RFC3161", "SigstoreCrypto", crypto, asn1, x509], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "SigstoreModelsTests", dependencies: ["SigstoreModels", crypto], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "TLogServiceTests", dependencies: ["TLogService", "Merkle", "SignedNote", "SigstoreCrypto", crypto, logging], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "TLogStorageSQLiteTests", dependencies: ["TLogStorageSQLite", "TLogService", "Merkle", "SignedNote", "SigstoreCrypto", grdb, logging], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
    ]
)
