import Foundation
import SigstoreTestSupport
import Testing

/// `signet log verify --bundle` and `signet log search --email` on a bundle the reference client
/// (sigstore-python 4.5.1) made against the in-process dev stack's Rekor v1 log.
@Suite(.serialized, .enabled(if: ReferenceClient.executable != nil, "sigstore-python is not installed: run Scripts/test, or set SIGSTORE_PYTHON"))
struct LogCommandReferenceClientTests {
    @Test("a sigstore-python bundle's entry is in the log, found by the signer's email, and verifies")
    func verifiesAReferenceClientBundle() async throws {
        try await DevServer.run { server in
            let artifact = server.directory.appendingPathComponent("artifact.txt")
            try Data("signed by the reference client for signet log\n".utf8).write(to: artifact)
            let bundle = server.directory.appendingPathComponent("artifact.sigstore.json")
            let executable = try #require(ReferenceClient.executable)
            let signed = try await LogCommandProcess.run(executable, [
                "--trust-config", server.trustConfig.path, "sign", "--rekor-version", "1",
                "--identity-token", try await server.token(email: "alice@example.test"), "--bundle", bundle.path, artifact.path,
            ])
            try #require(signed.status == 0, "sigstore sign failed: \(signed)")

            let verified = try await LogCommandProcess.log(["verify", "--bundle", bundle.path], on: server)
            #expect(verified.status == 0, "\(verified)")
            #expect(verified.standardOutput.contains("Kind: hashedrekord 0.0.1\n"))
            #expect(verified.standardOutput.contains("Verification: passed"))

            let found = try await LogCommandProcess.log(["search", "--email", "alice@example.test"], on: server)
            #expect(found.status == 0, "\(found)")
            let uuids = found.standardOutput.split(separator: "\n")
            #expect(uuids.count == 1)
            #expect(verified.standardOutput.contains(String(uuids.first ?? "missing")))
        }
    }
}
