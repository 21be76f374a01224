import Foundation
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport
import Testing

/// `Scripts/conformance-client sign-bundle` then `verify-bundle`, the way sigstore-conformance
/// drives them (interop contract §14), against the in-process dev stack: a separate trusted root
/// and signing config, blobs and in-toto statements.
@Suite("conformance-client sign-bundle", .serialized)
struct SignInteropConformanceTests {
    static let identity = "frank@example.test"

    static func run(_ arguments: [String]) async throws -> ProcessOutcome {
        try await SignProcess.conformanceClient(arguments)
    }

    @Test("sign-bundle writes a bundle verify-bundle accepts, for the signer's identity only", arguments: [false, true])
    func signThenVerify(inToto: Bool) async throws {
        try await DevServer.run { server in
            let scratch = try ScratchDirectory()
            let config = try ProtoJSON.decode(ClientTrustConfig.self, from: Data(contentsOf: server.trustConfig))
            let trustedRoot = try scratch.write("trusted_root.json", try ProtoJSON.encode(config.trustedRoot))
            let signingConfig = try scratch.write("signing_config.json", try ProtoJSON.encode(config.signingConfig))
            let artifactBytes = Array("conformance artifact\n".utf8)
            let artifact = try scratch.write("a.txt", artifactBytes)
            var input = artifact
            if inToto {
                let digest = SHA256Hex.of(artifactBytes)
                let statement = try InTotoStatement(
                    subjects: [InTotoSubject(name: "a.txt", digest: ["sha256": digest])],
                    predicateType: "https://slsa.dev/provenance/v1", predicate: .object([:])).encoded()
                input = try scratch.write("statement.json", statement)
            }
            let bundle = scratch.path("out.sigstore.json")
            var sign = ["sign-bundle"]
            if inToto { sign.append("--in-toto") }
            sign += ["--identity-token", try await server.token(email: Self.identity), "--bundle", bundle,
                     "--trusted-root", trustedRoot, "--signing-config", signingConfig, input]
            let signed = try await Self.run(sign)
            try #require(signed.status == 0, "\(signed)")

            let verify = { (identity: String) async throws -> ProcessOutcome in
                try await Self.run(["verify-bundle", "--bundle", bundle, "--certificate-identity", identity,
                              "--certificate-oidc-issuer", server.issuer, "--trusted-root", trustedRoot, artifact])
            }
            let accepted = try await verify(Self.identity)
            #expect(accepted.status == 0, "\(accepted)")
            #expect(try await verify("mallory@example.test").status == 1)
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: bundle))) as? [String: Any]
            #expect(json?[inToto ? "dsseEnvelope" : "messageSignature"] != nil)
        }
    }
}

enum SHA256Hex {
    static func of(_ bytes: [UInt8]) -> String {
        HashAlgorithm.sha256.hash(bytes).map { String(format: "%02x", $0) }.joined()
    }
}
