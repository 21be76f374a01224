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
let hummingbird: Target.Dependency = .product(name: "Hummingbird", package: "hummingbird")
let hummingbirdTesting: Target.Dependency = .product(name: "HummingbirdTesting", package: "hummingbird")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let grdb: Target.Dependency = .product(name: "GRDB", package: "GRDB.swift")
let postgres: Target.Dependency = .product(name: "PostgresNIO", package: "postgres-nio")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")
let serviceLifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let httpClient: Target.Dependency = .product(name: "AsyncHTTPClient", package: "async-http-client")
let jwtKit: Target.Dependency = .product(name: "JWTKit", package: "jwt-kit")
let yams: Target.Dependency = .product(name: "Yams", package: "Yams")

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
        .library(name: "SigstoreVerify", targets: ["SigstoreVerify"]),
        .library(name: "RFC3161", targets: ["RFC3161"]),
        .library(name: "CertificateTransparency", targets: ["CertificateTransparency"]),
        .library(name: "SigstoreSign", targets: ["SigstoreSign"]),
        .library(name: "ServiceClients", targets: ["ServiceClients"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.0", traits: []),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
        .package(url: "https://github.com/vapor/jwt-kit.git", from: "5.8.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.0"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio.git", from: "1.33.0"),
    ],
    targets: [
        // Foundations: pure, no I/O, no clocks.
        .target(name: "SigstoreCrypto", dependencies: [crypto, cryptoExtras, asn1, x509], swiftSettings: strictSettings),
        .target(name: "Merkle", dependencies: [crypto], swiftSettings: strictSettings),
        .target(name: "SignedNote", dependencies: [crypto, "SigstoreCrypto"], swiftSettings: strictSettings),
        .target(name: "CertificateTransparency", dependencies: [crypto, asn1, x509, "SigstoreCrypto"], swiftSettings: strictSettings),
        .target(name: "RFC3161", dependencies: [crypto, asn1, x509, "SigstoreCrypto"], swiftSettings: strictSettings),
        // Models.
        .target(name: "SigstoreModels", dependencies: [crypto], swiftSettings: strictSettings),
        // Client libraries.
        .target(name: "SigstoreVerify", dependencies: ["SigstoreModels", "SigstoreCrypto", "Merkle", "SignedNote", "CertificateTransparency", "RFC3161", crypto, asn1, x509], swiftSettings: strictSettings),
        .target(name: "OIDC", dependencies: [jwtKit, httpClient, logging, "SigstoreCrypto"], swiftSettings: strictSettings),
        .target(name: "ServiceClients", dependencies: ["SigstoreModels", "SigstoreCrypto", "RFC3161", "SignedNote", "Merkle", httpClient, crypto, x509, asn1, logging], swiftSettings: strictSettings),
        .target(name: "SigstoreSign", dependencies: ["ServiceClients", "SigstoreModels", "SigstoreCrypto", "SigstoreVerify", "RFC3161", httpClient, crypto, x509, asn1, logging], swiftSettings: strictSettings),
        // Services.
        .target(name: "CAService", dependencies: ["OIDC", "SigstoreCrypto", "CertificateTransparency", crypto, cryptoExtras, asn1, x509, yams, httpClient, logging], swiftSettings: strictSettings),
        .target(name: "DevIdentityProvider", dependencies: ["OIDC", "SigstoreCrypto", crypto, logging], swiftSettings: strictSettings),
        .target(name: "TSAService", dependencies: ["RFC3161", "SigstoreCrypto", x509, asn1, logging], swiftSettings: strictSettings),
        .target(name: "LogEngine", dependencies: ["Merkle", "SignedNote", "SigstoreCrypto", "SigstoreModels", crypto, logging], swiftSettings: strictSettings),
        .target(name: "LogStorageSQLite", dependencies: ["LogEngine", "Merkle", grdb], swiftSettings: strictSettings),
        .target(name: "LogStoragePostgres", dependencies: ["LogEngine", "Merkle", postgres, logging], swiftSettings: strictSettings),
        .target(name: "TLogService", dependencies: ["LogEngine", "SigstoreModels", "SigstoreCrypto", "SignedNote", "Merkle", crypto, x509, logging], swiftSettings: strictSettings),
        .target(name: "CTLogService", dependencies: ["LogEngine", "CertificateTransparency", "SigstoreCrypto", "Merkle", crypto, x509, logging], swiftSettings: strictSettings),
        // CLI and server layers.
        .target(name: "ServerSupport", dependencies: [hummingbird, logging, prometheus, serviceLifecycle, argumentParser, x509, "SigstoreCrypto", "SigstoreModels", "TSAService", "DevIdentityProvider", "CAService", "TLogService", "LogEngine", "LogStorageSQLite", "CTLogService", "LogStoragePostgres", "RFC3161", postgres, yams], swiftSettings: strictSettings),
        .target(name: "SignetCLI", dependencies: [argumentParser, "SigstoreModels", "SigstoreCrypto", "SigstoreVerify", "SigstoreSign", "ServiceClients", "Merkle", "SignedNote", "RFC3161", x509, asn1, httpClient], swiftSettings: strictSettings),
        // Executables: thin entry points.
        .executableTarget(name: "signet", dependencies: ["SignetCLI"], swiftSettings: strictSettings),
        .executableTarget(name: "signetd", dependencies: ["ServerSupport"], swiftSettings: strictSettings),
        .executableTarget(name: "tlog-load", dependencies: ["LogEngine", "LogStorageSQLite", "LogStoragePostgres", "SigstoreCrypto", crypto, logging, postgres, httpClient, "SigstoreModels"], swiftSettings: strictSettings),
        // Tests.
        .target(name: "SigstoreTestSupport", dependencies: ["LogEngine", "Merkle", "SigstoreCrypto", "SignedNote", "ServerSupport", "DevIdentityProvider", "SigstoreModels", "ServiceClients", crypto, logging, hummingbird, httpClient], path: "Tests/SigstoreTestSupport", resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "ServiceClientsTests", dependencies: ["ServiceClients", "ServerSupport", "SigstoreTestSupport", "SigstoreModels", "SigstoreCrypto", "RFC3161", crypto, x509, hummingbird], swiftSettings: strictSettings),
        .testTarget(name: "SigstoreSignTests", dependencies: ["SigstoreSign", "ServiceClients", "ServerSupport", "SigstoreTestSupport", "SigstoreVerify", "SigstoreModels", "SigstoreCrypto", "DevIdentityProvider", crypto, x509, hummingbird], swiftSettings: strictSettings),
        .testTarget(name: "SigstoreCryptoTests", dependencies: ["SigstoreTestSupport", "SigstoreCrypto", crypto, cryptoExtras], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "MerkleTests", dependencies: ["SigstoreTestSupport", "Merkle", crypto], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "SignedNoteTests", dependencies: ["SignedNote", "SigstoreCrypto", crypto, argumentParser], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "CertificateTransparencyTests", dependencies: ["SigstoreTestSupport", "CertificateTransparency", "SigstoreCrypto", crypto, asn1, x509], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "SigstoreVerifyTests", dependencies: ["SigstoreTestSupport", "SigstoreVerify", "SigstoreModels", "SigstoreCrypto", "Merkle", "SignedNote", "CertificateTransparency", "RFC3161", crypto, asn1, x509], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "RFC3161Tests", dependencies: ["SigstoreTestSupport", "RFC3161", "SigstoreCrypto", crypto, asn1, x509], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "OIDCTests", dependencies: ["OIDC", "SigstoreCrypto", "DevIdentityProvider", "ServerSupport", jwtKit, crypto, hummingbird, hummingbirdTesting, httpClient], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "CAServiceTests", dependencies: ["CAService", "SigstoreTestSupport", "OIDC", "SigstoreCrypto", "CertificateTransparency", crypto, asn1, x509, jwtKit], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "DevIdentityProviderTests", dependencies: ["DevIdentityProvider", "OIDC", "SigstoreCrypto", jwtKit, crypto], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "TSAServiceTests", dependencies: ["TSAService", "RFC3161", "SigstoreCrypto", x509, asn1], swiftSettings: strictSettings),
        .testTarget(name: "ServerSupportTests", dependencies: ["ServerSupport", "SigstoreTestSupport", "SigstoreSign", "ServiceClients", "TSAService", "RFC3161", "SigstoreCrypto", "CAService", "OIDC", "DevIdentityProvider", "CertificateTransparency", "CTLogService", "TLogService", "LogEngine", "LogStorageSQLite", "SigstoreModels", "SignedNote", "Merkle", x509, asn1, hummingbird, hummingbirdTesting, httpClient, "SigstoreVerify"], swiftSettings: strictSettings),
        .testTarget(name: "SigstoreModelsTests", dependencies: ["SigstoreModels", crypto], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "SignetCLITests", dependencies: ["SignetCLI", "SigstoreTestSupport", "ServerSupport", "SigstoreSign", "ServiceClients", "SigstoreVerify", "SigstoreModels", "SigstoreCrypto", crypto, argumentParser], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "LogStoragePostgresTests", dependencies: ["SigstoreTestSupport", "LogStoragePostgres", "LogEngine", "Merkle", "SigstoreCrypto", "SignedNote", postgres, logging], swiftSettings: strictSettings),
        .testTarget(name: "TLogServiceTests", dependencies: ["TLogService", "LogEngine", "LogStorageSQLite", "SigstoreModels", "SigstoreCrypto", "SignedNote", "Merkle", crypto, x509, logging], swiftSettings: strictSettings),
        .testTarget(name: "CTLogServiceTests", dependencies: ["CTLogService", "LogEngine", "LogStorageSQLite", "CertificateTransparency", "SigstoreCrypto", "Merkle", crypto, x509, logging], swiftSettings: strictSettings),
        .testTarget(name: "LogEngineTests", dependencies: ["LogEngine", "Merkle", "SignedNote", "SigstoreCrypto", crypto, logging], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "LogStorageSQLiteTests", dependencies: ["SigstoreTestSupport", "LogStorageSQLite", "LogEngine", "Merkle", "SignedNote", "SigstoreCrypto", grdb, logging], swiftSettings: strictSettings),
    ]
)
