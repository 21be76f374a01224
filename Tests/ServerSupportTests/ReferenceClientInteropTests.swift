import DevIdentityProvider
import Foundation
import Hummingbird
@testable import ServerSupport
import SigstoreModels
import SigstoreTestSupport
import SigstoreVerify
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The acceptance test of the stack: the reference client (sigstore-python 4.5.1) signs and attests
/// against a live `signetd --dev` (CA, CT log, TSA, Rekor v1 and v2) with a token from the dev
/// identity provider, then both it and Signet's verifier accept the bundle — and both refuse it
/// for another identity or issuer.
@Suite(.serialized, .enabled(if: ReferenceClient.executable != nil, "sigstore-python is not installed: run Scripts/test, or set SIGSTORE_PYTHON"))
struct ReferenceClientInteropTests {
    static let identity = "alice@example.test"

    @Test(arguments: [1, 2], [false, true])
    func referenceClientSignsAgainstSignetAndBothVerifiersAgree(rekorVersion: Int, attestation: Bool) async throws {
        try await DevServer.run { server in
            let work = server.directory.appendingPathComponent("v\(rekorVersion)-\(attestation ? "attest" : "sign")")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let artifact = work.appendingPathComponent("artifact.txt")
            try Data("signed by the reference client\n".utf8).write(to: artifact)
            let bundle = work.appendingPathComponent("artifact.sigstore.json")
            let token = try await server.token(email: Self.identity)

            var arguments = ["--trust-config", server.trustConfig.path]
            if attestation {
                let predicate = work.appendingPathComponent("provenance.json")
                try Data(#"{"buildDefinition":{"buildType":"https://signet.dev/build/v1","externalParameters":{}},"runDetails":{"builder":{"id":"https://signet.dev/builder"}}}"#.utf8).write(to: predicate)
                arguments += ["attest", "--predicate", predicate.path, "--predicate-type", "https://slsa.dev/provenance/v1"]
            } else {
                arguments += ["sign"]
            }
            arguments += ["--rekor-version", String(rekorVersion), "--identity-token", token, "--bundle", bundle.path, artifact.path]
            // Off the cooperative pool: the in-process server needs those threads to answer the child.
            let signed = try await ReferenceClient.runDetached(arguments)
            try #require(signed.status == 0, "sigstore sign failed: \(signed.output)")

            // The reference client verifies its own bundle against Signet's trust configuration…
            let verify = { (identity: String, issuer: String) async throws -> Int32 in
                try await ReferenceClient.runDetached([
                    "--trust-config", server.trustConfig.path, "verify", "identity", "--bundle", bundle.path,
                    "--cert-identity", identity, "--cert-oidc-issuer", issuer, artifact.path,
                ]).status
            }
            #expect(try await verify(Self.identity, server.issuer) == 0)
            #expect(try await verify("mallory@example.test", server.issuer) != 0)
            #expect(try await verify(Self.identity, server.issuer + "/") != 0)

            // …and so does Signet's, with the same answers.
            let config = try ProtoJSON.decode(ClientTrustConfig.self, from: Data(contentsOf: server.trustConfig))
            let verifier = try BundleVerifier(trustedRoot: config.trustedRoot)
            let bundleJSON = try Data(contentsOf: bundle)
            let artifactBytes = Artifact.bytes(Array(try Data(contentsOf: artifact)))
            let result = try await verifier.verify(
                bundleJSON: bundleJSON, artifact: artifactBytes,
                policy: .identity(san: .exact(Self.identity), issuer: .exact(server.issuer))
            )
            #expect(!result.verifiedTimes.isEmpty)
            await #expect(throws: VerificationError.self) {
                _ = try await verifier.verify(
                    bundleJSON: bundleJSON, artifact: artifactBytes,
                    policy: .identity(san: .exact("mallory@example.test"), issuer: .exact(server.issuer))
                )
            }
            await #expect(throws: VerificationError.self) {
                _ = try await verifier.verify(
                    bundleJSON: bundleJSON, artifact: .bytes(Array("another artifact".utf8)),
                    policy: .identity(san: .exact(Self.identity), issuer: .exact(server.issuer))
                )
            }
        }
    }
}
