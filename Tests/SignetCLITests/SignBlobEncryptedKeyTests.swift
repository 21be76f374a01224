import Foundation
import SigstoreTestSupport
import Testing

/// `sign-blob --key` with a cosign-format encrypted key made by `signet generate-key-pair`: the
/// password comes from COSIGN_PASSWORD (or SIGNET_PASSWORD); a wrong one writes nothing.
@Suite("sign-blob with an encrypted key", .serialized)
struct SignBlobEncryptedKeyTests {
    @Test("encrypted keys sign; verify-blob --key accepts the bundle", arguments: ["p256", "p384"])
    func encryptedKey(keyType: String) async throws {
        try await DevServer.run { server in
            let scratch = try ScratchDirectory()
            let prefix = scratch.path("release")
            let password = ["COSIGN_PASSWORD": "correct horse"]
            let generated = try await SignProcess.signet(["generate-key-pair", "--output-key-prefix", prefix, "--key-type", keyType], environment: password)
            try #require(generated.status == 0, "\(generated)")
            let artifact = try scratch.write("a.txt", Array("signed with an encrypted \(keyType) key\n".utf8))
            let bundle = scratch.path("a.sigstore.json")
            let sign = ["sign-blob", artifact, "--bundle", bundle, "--key", prefix + ".key", "--trust-config", server.trustConfig.path]

            let wrong = try await SignProcess.signet(sign, environment: ["COSIGN_PASSWORD": "wrong"])
            #expect(wrong.status == 1, "\(wrong)")
            #expect(wrong.standardError.hasPrefix("Error: "))
            #expect(!FileManager.default.fileExists(atPath: bundle))

            let signed = try await SignProcess.signet(sign, environment: password)
            try #require(signed.status == 0, "\(signed)")
            let verified = try await SignProcess.signet(["verify-blob", artifact, "--bundle", bundle, "--key", prefix + ".pub", "--trust-config", server.trustConfig.path])
            #expect(verified.status == 0, "\(verified)")
        }
    }
}
