import Foundation
import SigstoreModels
import SigstoreTestSupport
import Testing

/// Issue #6 done-when: the built `signet` signs and attests against a live in-process dev stack
/// (Rekor v1 and v2), and both the reference client (sigstore-python 4.5.1) and Signet's own
/// verifier accept the bundles, and refuse them for another identity or issuer.
@Suite("sign-blob / attest-blob interop", .serialized,
       .enabled(if: ReferenceClient.executable != nil, "sigstore-python is not installed: run Scripts/test, or set SIGSTORE_PYTHON"))
struct SignInteropTests {
    static let identity = "erin@example.test"
    static let provenance = #"{"buildDefinition":{"buildType":"https://signet.dev/build/v1","externalParameters":{}},"runDetails":{"builder":{"id":"https://signet.dev/builder"}}}"#

    @Test("signet signs, sigstore-python and signet verify", arguments: [1, 2], [false, true])
    func signetSignsBothVerifiersAgree(rekorVersion: Int, attestation: Bool) async throws {
        try await DevServer.run { server in
            let scratch = try ScratchDirectory()
            let artifact = try scratch.write("artifact.txt", Array("signed by signet, v\(rekorVersion)\n".utf8))
            let bundle = scratch.path("artifact.sigstore.json")
            let token = try await server.token(email: Self.identity)
            var arguments: [String]
            if attestation {
                let predicate = try scratch.write("provenance.json", Array(Self.provenance.utf8))
                arguments = ["attest-blob", artifact, "--predicate", predicate, "--type", "slsaprovenance1"]
            } else {
                arguments = ["sign-blob", artifact]
            }
            arguments += ["--bundle", bundle, "--identity-token", token, "--trust-config", server.trustConfig.path,
                          "--rekor-version", String(rekorVersion), "--yes",
                          "--output-signature", scratch.path("sig.b64"), "--output-certificate", scratch.path("cert.pem")]
            let signed = try await SignProcess.signet(arguments)
            try #require(signed.status == 0, "\(signed)")
            #expect(FileManager.default.fileExists(atPath: bundle))
            try Self.checkDetachedOutputs(bundle: bundle, signature: scratch.path("sig.b64"), certificate: scratch.path("cert.pem"))

            // The reference client accepts it for this identity and issuer, and only for them.
            let python = { (identity: String, issuer: String) async throws -> ProcessResult in
                try await ReferenceClient.runDetached([
                    "--trust-config", server.trustConfig.path, "verify", "identity", "--bundle", bundle,
                    "--cert-identity", identity, "--cert-oidc-issuer", issuer, artifact,
                ])
            }
            let accepted = try await python(Self.identity, server.issuer)
            #expect(accepted.status == 0, "\(accepted.output)")
            #expect(try await python("mallory@example.test", server.issuer).status != 0)
            #expect(try await python(Self.identity, server.issuer + "/other").status != 0)

            // So does signet's own verifier.
            let signetVerify = { (identity: String) async throws -> ProcessOutcome in
                var verify = attestation ? ["verify-blob-attestation", artifact, "--type", "slsaprovenance1"] : ["verify-blob", artifact]
                verify += ["--bundle", bundle, "--certificate-identity", identity, "--certificate-oidc-issuer", server.issuer,
                           "--trust-config", server.trustConfig.path]
                return try await SignProcess.signet(verify)
            }
            let ours = try await signetVerify(Self.identity)
            #expect(ours.status == 0, "\(ours)")
            #expect(try await signetVerify("mallory@example.test").status == 1)
        }
    }

    /// `--output-signature` and `--output-certificate` hold the bundle's signature (base64) and leaf (PEM).
    static func checkDetachedOutputs(bundle: String, signature: String, certificate: String) throws {
        let decoded = try ProtoJSON.decode(SigstoreBundle.self, from: Data(contentsOf: URL(fileURLWithPath: bundle)))
        let bundleSignature = decoded.messageSignature?.signature ?? decoded.dsseEnvelope?.signatures.first?.sig
        let written = try String(contentsOfFile: signature, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Data(base64Encoded: written).map(Array.init) == bundleSignature)
        let pem = try String(contentsOfFile: certificate, encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN CERTIFICATE-----"))
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        #expect(Data(base64Encoded: body).map(Array.init) == decoded.verificationMaterial.leafCertificate?.rawBytes)
    }

    /// Key-based bundles: sigstore-python 4.5.1 cannot verify with a bare public key (its CLI has
    /// no key verification), so only signet's `verify-blob --key` checks these.
    @Test("signet sign-blob --key, verified by signet verify-blob --key", arguments: [1, 2])
    func keyBased(rekorVersion: Int) async throws {
        try await DevServer.run { server in
            let scratch = try ScratchDirectory()
            let artifact = try scratch.write("artifact.txt", Array("key-signed\n".utf8))
            let keys = try SignTestKeys(in: scratch)
            let bundle = scratch.path("artifact.sigstore.json")
            let signed = try await SignProcess.signet([
                "sign-blob", artifact, "--bundle", bundle, "--key", keys.privateKey, "--trust-config", server.trustConfig.path,
                "--rekor-version", String(rekorVersion),
            ])
            try #require(signed.status == 0, "\(signed)")
            let verify = { (key: String) async throws -> ProcessOutcome in
                try await SignProcess.signet(["verify-blob", artifact, "--bundle", bundle, "--key", key, "--trust-config", server.trustConfig.path])
            }
            let good = try await verify(keys.publicKey)
            #expect(good.status == 0, "\(good)")
            #expect(try await verify(keys.otherPublicKey).status == 1)
        }
    }
}
