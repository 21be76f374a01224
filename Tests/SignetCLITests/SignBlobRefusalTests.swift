import Foundation
import SigstoreTestSupport
import Testing

/// `signet sign-blob` / `attest-blob` refusals: one clear `Error:` line, exit 1, and no bundle file.
@Suite("sign-blob refusals", .serialized)
struct SignBlobRefusalTests {
    static func expectRefused(_ outcome: ProcessOutcome, bundle: String, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(outcome.status != 0, "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.standardError.hasPrefix("Error: ") || outcome.standardError.contains("Error: "), "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.standardError.contains(text), "\(outcome)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: bundle), "a bundle was written", sourceLocation: sourceLocation)
    }

    @Test("expired and garbage tokens")
    func badTokens() async throws {
        try await DevServer.run { server in
            let scratch = try ScratchDirectory()
            let artifact = try scratch.write("a.txt", Array("a".utf8))
            let bundle = scratch.path("a.sigstore.json")
            let expiring = try await server.token(email: "erin@example.test", lifetime: 1)
            try await Task.sleep(for: .milliseconds(2100))
            let expired = try await SignProcess.signet(["sign-blob", artifact, "--bundle", bundle, "--identity-token", expiring, "--trust-config", server.trustConfig.path])
            Self.expectRefused(expired, bundle: bundle, mentioning: "expired")
            let garbage = try await SignProcess.signet(["sign-blob", artifact, "--bundle", bundle, "--identity-token", "garbage", "--trust-config", server.trustConfig.path])
            Self.expectRefused(garbage, bundle: bundle, mentioning: "not a JWT")
        }
    }

    @Test("a CA nobody runs")
    func unreachableService() async throws {
        var token = ""
        var trustConfig = ""
        let scratch = try ScratchDirectory()
        try await DevServer.run { server in
            token = try await server.token(email: "erin@example.test")
            trustConfig = try scratch.write("trust.json", try Data(contentsOf: server.trustConfig))
        }
        // The stack has stopped: every URL in its trust config is dead now.
        let artifact = try scratch.write("a.txt", Array("a".utf8))
        let bundle = scratch.path("a.sigstore.json")
        let outcome = try await SignProcess.signet(["sign-blob", artifact, "--bundle", bundle, "--identity-token", token, "--trust-config", trustConfig])
        Self.expectRefused(outcome, bundle: bundle, mentioning: "failed")
    }

    @Test("a bad token for the default public-good services, bad flags, missing files")
    func usage() async throws {
        let scratch = try ScratchDirectory()
        let artifact = try scratch.write("a.txt", Array("a".utf8))
        let bundle = scratch.path("a.sigstore.json")
        // No configuration means the embedded public-good one; a token that is no JWT stops the
        // run before any service is contacted.
        let noConfig = try await SignProcess.signet(["sign-blob", artifact, "--bundle", bundle, "--identity-token", "t"])
        Self.expectRefused(noConfig, bundle: bundle, mentioning: "not a JWT")
        let badVersion = try await SignProcess.signet(["sign-blob", artifact, "--bundle", bundle, "--rekor-version", "3", "--signing-config", "x"])
        #expect(badVersion.status != 0)
        #expect(badVersion.standardError.contains("--rekor-version must be 1 or 2"))
        let missing = try await SignProcess.signet(["sign-blob", scratch.path("nope"), "--bundle", bundle, "--identity-token", "t", "--signing-config", "x"])
        Self.expectRefused(missing, bundle: bundle, mentioning: "no such file")
        let badType = try await SignProcess.signet(["attest-blob", artifact, "--predicate", artifact, "--type", "not a type", "--bundle", bundle, "--identity-token", "t"])
        Self.expectRefused(badType, bundle: bundle, mentioning: "--type")
    }
}
