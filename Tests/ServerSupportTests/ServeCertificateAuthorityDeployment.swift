import Foundation
import Logging
import Prometheus
import RFC3161
@testable import ServerSupport
import SigstoreCrypto
import SigstoreTestSupport
import X509

/// The files of a `signetd serve --config` deployment with a CA, made as an operator makes them:
/// `signetd ca init` (with an encrypted key), a generated CT log key, an issuer configuration, a
/// TSA key and chain, and Rekor v1/v2 keys.
struct ServeCertificateAuthorityDeployment {
    static let password = "correct horse battery staple"

    let directory: TemporaryDirectory
    /// The CT log's key, whose public half clients trust for SCTs.
    let ctKey: PrivateKey

    var ca: URL { directory.file("ca") }
    var logs: URL { directory.file("logs") }

    /// - Parameter issuer: the one OIDC issuer (type email) the CA accepts.
    init(issuer: String) throws {
        directory = try TemporaryDirectory(prefix: "signet-serve-ca")
        try Self.caInit(directory.file("ca"))
        try Self.write(Self.password + "\n", to: directory.file("ca-password.txt"))
        ctKey = try PrivateKey.generate(.ecdsaP256)
        try Self.write(ctKey.pemRepresentation, to: directory.file("ct-key.pem"))
        try Self.write("""
            oidc-issuers:
              \(issuer):
                client-id: sigstore
                type: email
            """, to: directory.file("issuers.yaml"))
        let tsaKey = try PrivateKey.generate(.ecdsaP256)
        let tsaChain = try TSACertificateChain.generate(
            leafKey: tsaKey.publicKey,
            leafSubject: try DistinguishedName { CommonName("serve-ca-test-tsa") },
            rootKey: try PrivateKey.generate(.ecdsaP384),
            rootSubject: try DistinguishedName { CommonName("serve-ca-test-tsa-root") },
            notValidBefore: Date().addingTimeInterval(-60),
            notValidAfter: Date().addingTimeInterval(3600)
        )
        try Self.write(tsaKey.pemRepresentation, to: directory.file("tsa-key.pem"))
        try Self.write(tsaChain.pemEncoded(), to: directory.file("tsa-chain.pem"))
        try Self.write(try PrivateKey.generate(.ecdsaP256).pemRepresentation, to: directory.file("v1-key.pem"))
        try Self.write(try PrivateKey.generate(.ed25519).pemRepresentation, to: directory.file("v2-key.pem"))
    }

    /// `signetd ca init --out DIRECTORY` with an encrypted key, valid from `now` for a year.
    static func caInit(_ directory: URL, now: Date = Date()) throws {
        try CAInit(
            directory: directory, algorithm: .ecdsaP256, organization: "signet.test", commonName: "serve-ca-test",
            validityYears: 1, password: Array(password.utf8)
        ).run(now: now)
    }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// The `certificate-authority` section, with any key replaced.
    func certificateAuthoritySection(_ overrides: [String: String] = [:]) -> String {
        var keys = [
            "signing-key": ca.appendingPathComponent("intermediate-key.pem").path,
            "signing-key-password-file": directory.file("ca-password.txt").path,
            "certificate-chain": ca.appendingPathComponent("chain.pem").path,
            "issuers": directory.file("issuers.yaml").path,
        ]
        keys.merge(overrides) { $1 }
        return "certificate-authority:\n" + keys.sorted { $0.key < $1.key }.map { "  \($0.key): \($0.value)\n" }.joined()
    }

    /// A `ct-log` section with its own storage (default SQLite in `logs`), signing with `key`
    /// (default the CT key file).
    func ctLogSection(key: URL? = nil, storage: String? = nil, logName: String = "ctlog") -> String {
        """
        ct-log:
          hostname: ctlog.signet.test
          signing-key: \((key ?? directory.file("ct-key.pem")).path)
          storage: \(storage ?? "{sqlite: \(logs.path)}")
          log-name: \(logName)

        """
    }

    /// Every service: Rekor v1 and v2, the TSA, the CA and its CT log (sharing the logs' storage).
    var fullConfiguration: String {
        """
        listen: {port: 0}
        transparency-log:
          hostname: tlog.signet.test
          storage: {sqlite: \(logs.path)}
          v1: {signing-key: \(directory.file("v1-key.pem").path), tree-id: 4242}
          v2: {signing-key: \(directory.file("v2-key.pem").path)}
        timestamp-authority:
          signing-key: \(directory.file("tsa-key.pem").path)
          certificate-chain: \(directory.file("tsa-chain.pem").path)
        \(certificateAuthoritySection())ct-log:
          hostname: ctlog.signet.test
          signing-key: \(directory.file("ct-key.pem").path)

        """
    }

    /// `ProductionStack.prepare` of `yaml`, as `signetd serve --config` runs it.
    static func prepare(_ yaml: String) async throws -> ProductionStack {
        var logger = Logger(label: "serve-ca-test")
        logger.logLevel = .critical
        return try await ProductionStack.prepare(try ServeConfiguration(yaml: yaml), metrics: PrometheusCollectorRegistry(), logger: logger)
    }
}
