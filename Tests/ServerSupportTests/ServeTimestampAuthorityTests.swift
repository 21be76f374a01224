import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import Prometheus
import RFC3161
@testable import ServerSupport
import SigstoreCrypto
import SigstoreTestSupport
import Testing
import X509

/// `signetd serve --config` with a `timestamp-authority` section: the key and chain come from
/// files, the TSA answers, and `openssl ts -verify` accepts its tokens against the file's root.
@Suite struct ServeTimestampAuthorityTests {
    @Test func servesTimestampsWithTheConfiguredKeyAndChain() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = try PrivateKey.generate(.ecdsaP256)
        let chain = try TSACertificateChain.generate(
            leafKey: key.publicKey,
            leafSubject: try DistinguishedName { CommonName("serve-test-tsa") },
            rootKey: try PrivateKey.generate(.ecdsaP384),
            rootSubject: try DistinguishedName { CommonName("serve-test-tsa-root") },
            notValidBefore: Date().addingTimeInterval(-60),
            notValidAfter: Date().addingTimeInterval(3600)
        )
        try key.pemRepresentation.write(to: directory.file("tsa.pem"), atomically: true, encoding: .utf8)
        try chain.pemEncoded().write(to: directory.file("chain.pem"), atomically: true, encoding: .utf8)
        let root = directory.file("root.pem")
        try TSACertificateChain(certificates: [chain.certificates[chain.certificates.count - 1]]).pemEncoded().write(to: root, atomically: true, encoding: .utf8)
        let leaf = directory.file("leaf.pem")
        try TSACertificateChain(certificates: [chain.certificates[0]]).pemEncoded().write(to: leaf, atomically: true, encoding: .utf8)

        let configuration = try ServeConfiguration(yaml: """
            timestamp-authority:
              signing-key: \(directory.file("tsa.pem").path)
              certificate-chain: \(directory.file("chain.pem").path)
            """)
        let stack = try await ProductionStack.prepare(configuration, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
        #expect(stack.services.transparencyLog == nil && stack.services.certificateAuthority == nil)
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services)

        let data = directory.file("data.txt")
        try Data("timestamp me".utf8).write(to: data)
        let query = directory.file("query.tsq")
        try OpenSSL.run(["ts", "-query", "-data", data.path, "-sha256", "-cert", "-out", query.path])
        try await app.test(.router) { client in
            let reply = try await client.execute(
                uri: "/api/v1/timestamp", method: .post, headers: [.contentType: "application/timestamp-query"],
                body: ByteBuffer(bytes: try Data(contentsOf: query))
            )
            #expect(reply.status == .ok)
            let replyFile = directory.file("reply.tsr")
            try Data(Array(buffer: reply.body)).write(to: replyFile)
            let output = try OpenSSL.run(["ts", "-verify", "-queryfile", query.path, "-in", replyFile.path, "-CAfile", root.path, "-untrusted", leaf.path])
            #expect(output.contains("Verification: OK"))
            #expect(try await client.execute(uri: "/api/v1/log", method: .get).status == .notFound)
        }
        await stack.stop()
    }

    /// A chain whose first certificate is not the signing key's is refused before serving.
    @Test func refusesAKeyThatDoesNotMatchTheChain() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let chain = try TSACertificateChain.generate(
            leafKey: try PrivateKey.generate(.ecdsaP256).publicKey,
            leafSubject: try DistinguishedName { CommonName("tsa") },
            rootKey: try PrivateKey.generate(.ecdsaP384),
            rootSubject: try DistinguishedName { CommonName("tsa-root") },
            notValidBefore: Date(), notValidAfter: Date().addingTimeInterval(3600)
        )
        try PrivateKey.generate(.ecdsaP256).pemRepresentation.write(to: directory.file("other.pem"), atomically: true, encoding: .utf8)
        try chain.pemEncoded().write(to: directory.file("chain.pem"), atomically: true, encoding: .utf8)
        let configuration = try ServeConfiguration(yaml: """
            timestamp-authority: {signing-key: \(directory.file("other.pem").path), certificate-chain: \(directory.file("chain.pem").path)}
            """)
        let error = await #expect(throws: ServeConfigurationError.self) {
            _ = try await ProductionStack.prepare(configuration, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
        }
        #expect(error?.message.hasPrefix("timestamp-authority: the signing key and certificate chain cannot issue timestamps") == true)
    }
}
