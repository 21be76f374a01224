import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreSign
import SigstoreTestSupport
import SigstoreVerify
import Testing

/// The signer against a real in-process `signetd --dev` stack (CA, CT log, TSA, Rekor v1 and v2).
@Suite("Signer", .serialized)
struct SignerTests {
    static let identity = "dave@example.test"
    static let artifact = Array("signed by Signet's signer\n".utf8)

    static func trustConfig(_ server: DevServer) throws -> ClientTrustConfig {
        try ProtoJSON.decode(ClientTrustConfig.self, from: Data(contentsOf: server.trustConfig))
    }

    static func statement() throws -> [UInt8] {
        let digest = HashAlgorithm.sha256.hash(artifact).map { String(format: "%02x", $0) }.joined()
        return try InTotoStatement(
            subjects: [InTotoSubject(name: "artifact.txt", digest: ["sha256": digest])],
            predicateType: "https://slsa.dev/provenance/v1", predicate: .object(["buildType": "https://signet.dev/build/v1"])
        ).encoded()
    }

    @Test("keyless bundles verify for the token's identity, on both log versions, for blobs and statements", arguments: [UInt32(1), 2], [false, true])
    func keyless(rekorVersion: UInt32, dsse: Bool) async throws {
        try await DevServer.run { server in
            let config = try Self.trustConfig(server)
            let signer = Signer(trustConfig: config, options: SigningOptions(rekorVersion: rekorVersion))
            let content: SigningContent = dsse ? .inTotoStatement(try Self.statement()) : .artifact(Self.artifact)
            let bundle = try await signer.sign(content, with: .identityToken(try await server.token(email: Self.identity)))

            #expect(bundle.mediaType == "application/vnd.dev.sigstore.bundle.v0.3+json")
            guard case .certificate = bundle.verificationMaterial.content else {
                Issue.record("a keyless bundle must carry the leaf certificate")
                return
            }
            let entry = try #require(bundle.verificationMaterial.tlogEntries.first)
            #expect(bundle.verificationMaterial.tlogEntries.count == 1)
            #expect(entry.kindVersion.version == (rekorVersion == 1 ? "0.0.1" : "0.0.2"))
            #expect(entry.kindVersion.kind == (dsse && rekorVersion == 1 ? "dsse" : "hashedrekord"))
            #expect(!bundle.verificationMaterial.rfc3161Timestamps.isEmpty)
            #expect((bundle.dsseEnvelope != nil) == dsse)

            // The bundle survives its JSON form and verifies for this identity only.
            let json = try ProtoJSON.encode(bundle)
            let verifier = try BundleVerifier(trustedRoot: config.trustedRoot)
            let artifact: Artifact = .bytes(Self.artifact)
            let result = try await verifier.verify(bundleJSON: json, artifact: artifact,
                                                   policy: .identity(san: .exact(Self.identity), issuer: .exact(server.issuer)))
            #expect(result.artifactVerified)
            await #expect(throws: VerificationError.self) {
                _ = try await verifier.verify(bundleJSON: json, artifact: artifact,
                                              policy: .identity(san: .exact("mallory@example.test"), issuer: .exact(server.issuer)))
            }
        }
    }

    @Test("key-based bundles name the key with a hint and verify with that key only", arguments: [UInt32(1), 2])
    func keyBased(rekorVersion: UInt32) async throws {
        try await DevServer.run { server in
            let config = try Self.trustConfig(server)
            let key = try PrivateKey.generate(.ecdsaP256)
            let bundle = try await Signer(trustConfig: config, options: SigningOptions(rekorVersion: rekorVersion))
                .sign(.artifact(Self.artifact), with: .privateKey(key))
            guard case .publicKey(let hint) = bundle.verificationMaterial.content else {
                Issue.record("a key-based bundle must carry a publicKey hint")
                return
            }
            #expect(!hint.hint.isEmpty)
            let verifier = try BundleVerifier(trustedRoot: config.trustedRoot)
            _ = try await verifier.verify(bundle, artifact: .bytes(Self.artifact), policy: .publicKey(key.publicKey))
            let other = try PrivateKey.generate(.ecdsaP256)
            await #expect(throws: VerificationError.self) {
                _ = try await verifier.verify(bundle, artifact: .bytes(Self.artifact), policy: .publicKey(other.publicKey))
            }
        }
    }

    @Test("expired and garbage tokens are refused before any service is asked")
    func badTokens() async throws {
        try await DevServer.run { server in
            let signer = Signer(trustConfig: try Self.trustConfig(server))
            let shortLived = try await server.token(email: Self.identity, lifetime: 1)
            try await Task.sleep(for: .milliseconds(2100))
            let expired = await #expect(throws: SigningError.self) {
                _ = try await signer.sign(.artifact(Self.artifact), with: .identityToken(shortLived))
            }
            #expect(expired?.code == .identityToken)
            #expect(expired?.message.contains("expired") == true)
            let garbage = await #expect(throws: SigningError.self) {
                _ = try await signer.sign(.artifact(Self.artifact), with: .identityToken("garbage"))
            }
            #expect(garbage?.code == .identityToken)
        }
    }

    @Test("a token the CA does not accept is the CA's refusal")
    func tokenFromAnotherIssuer() async throws {
        var foreignToken = ""
        try await DevServer.run { other in foreignToken = try await other.token(email: Self.identity) }
        try await DevServer.run { server in
            let error = await #expect(throws: SigningError.self) {
                _ = try await Signer(trustConfig: try Self.trustConfig(server)).sign(.artifact(Self.artifact), with: .identityToken(foreignToken))
            }
            #expect(error?.code == .service)
            #expect(error?.message.contains("the CA") == true)
        }
    }

    @Test("an unreachable CA or log is a service error")
    func unreachableServices() async throws {
        try await DevServer.run { server in
            var config = try Self.trustConfig(server)
            let dead = "http://127.0.0.1:\(try DevServer.freePort())"
            var deadCA = config.signingConfig
            deadCA.caUrls = deadCA.caUrls.map { var service = $0; service.url = dead; return service }
            let caError = await #expect(throws: SigningError.self) {
                _ = try await Signer(signingConfig: deadCA, trustedRoot: config.trustedRoot)
                    .sign(.artifact(Self.artifact), with: .identityToken(try await server.token(email: Self.identity)))
            }
            #expect(caError?.code == .service)
            config.signingConfig.rekorTlogUrls = config.signingConfig.rekorTlogUrls.map { var service = $0; service.url = dead; return service }
            let logError = await #expect(throws: SigningError.self) {
                _ = try await Signer(trustConfig: config).sign(.artifact(Self.artifact), with: .privateKey(try PrivateKey.generate(.ecdsaP256)))
            }
            #expect(logError?.code == .service)
        }
    }

    @Test("Rekor v2 without a timestamp authority is refused before anything is logged")
    func rekorV2NeedsATimestampAuthority() async throws {
        try await DevServer.run { server in
            var config = try Self.trustConfig(server)
            config.signingConfig.tsaUrls = []
            let error = await #expect(throws: SigningError.self) {
                _ = try await Signer(trustConfig: config, options: SigningOptions(rekorVersion: 2))
                    .sign(.artifact(Self.artifact), with: .privateKey(try PrivateKey.generate(.ecdsaP256)))
            }
            #expect(error?.code == .signingConfiguration)
            // With Rekor v1 the log's signed entry timestamp is the signed time: fine without a TSA.
            let bundle = try await Signer(trustConfig: config, options: SigningOptions(rekorVersion: 1))
                .sign(.artifact(Self.artifact), with: .privateKey(try PrivateKey.generate(.ecdsaP256)))
            #expect(bundle.verificationMaterial.rfc3161Timestamps.isEmpty)
            #expect(bundle.verificationMaterial.tlogEntries.first?.inclusionPromise != nil)
        }
    }

    @Test("a bundle the trusted root does not back is never returned")
    func failsClosed() async throws {
        try await DevServer.run { server in
            var config = try Self.trustConfig(server)
            config.trustedRoot.tlogs = []
            let error = await #expect(throws: SigningError.self) {
                _ = try await Signer(trustConfig: config)
                    .sign(.artifact(Self.artifact), with: .identityToken(try await server.token(email: Self.identity)))
            }
            #expect(error?.code == .verificationFailed)
        }
    }

    @Test("a certificate the trusted root does not back stops the run before anything is logged")
    func untrustedCertificateAuthority() async throws {
        try await DevServer.run { server in
            var config = try Self.trustConfig(server)
            let authorities = config.trustedRoot.certificateAuthorities
            config.trustedRoot.certificateAuthorities = []
            let error = await #expect(throws: SigningError.self) {
                _ = try await Signer(trustConfig: config, options: SigningOptions(rekorVersion: 1))
                    .sign(.artifact(Self.artifact), with: .identityToken(try await server.token(email: Self.identity)))
            }
            #expect(error?.code == .inconsistentResponse)
            #expect(error?.message.contains("does not chain to the trusted root") == true)
            // Nothing reached the log: the next entry signed with the real root is the first.
            config.trustedRoot.certificateAuthorities = authorities
            let bundle = try await Signer(trustConfig: config, options: SigningOptions(rekorVersion: 1))
                .sign(.artifact(Self.artifact), with: .identityToken(try await server.token(email: Self.identity)))
            #expect(bundle.verificationMaterial.tlogEntries.first?.logIndex == 0)
        }
    }

    @Test("a file that is not an in-toto statement is refused")
    func notAStatement() async throws {
        try await DevServer.run { server in
            let error = await #expect(throws: SigningError.self) {
                _ = try await Signer(trustConfig: try Self.trustConfig(server))
                    .sign(.inTotoStatement(Array("{\"hello\":1}".utf8)), with: .privateKey(try PrivateKey.generate(.ecdsaP256)))
            }
            #expect(error?.code == .invalidContent)
        }
    }
}
