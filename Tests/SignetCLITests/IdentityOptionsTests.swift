import ArgumentParser
import Foundation
import SigstoreVerify
import Testing

@testable import SignetCLI

/// The signer flags: which combinations are usage errors, and the policy the rest describe.
@Suite struct IdentityOptionsTests {
    static let bundleFlags = ["sha256:" + String(repeating: "00", count: 32), "--bundle", "b.json"]

    static let usageErrors: [(flags: [String], message: String)] = [
        ([], "missing signer"),
        (["--certificate-oidc-issuer", "https://issuer"], "missing signer"),
        (["--certificate-identity", "a@example.com"], "missing issuer"),
        (["--certificate-identity", "a", "--certificate-identity-regexp", "a", "--certificate-oidc-issuer", "i"], "mutually exclusive"),
        (["--certificate-identity", "a", "--certificate-oidc-issuer", "i", "--certificate-oidc-issuer-regexp", "i"], "mutually exclusive"),
        (["--key", "k.pub", "--certificate-identity", "a"], "--key"),
        (["--key", "k.pub", "--certificate-github-workflow-ref", "refs/heads/main"], "--key"),
        (["--certificate-identity", "a", "--certificate-oidc-issuer", "i", "--certificate-extension", "novalue"], "OID=VALUE"),
        (["--certificate-identity", "a", "--certificate-oidc-issuer", "i", "--certificate-extension", "nosuchName=x"], "neither a dotted OID"),
        (["--certificate-identity", "a", "--certificate-oidc-issuer", "i", "--trusted-root", "r.json", "--staging"], "mutually exclusive"),
    ]

    @Test(arguments: usageErrors)
    func rejectsFlagCombinationsBeforeReadingAnything(_ usage: (flags: [String], message: String)) throws {
        #expect {
            try VerifyBlobCommand.parse(Self.bundleFlags + usage.flags)
        } throws: { error in
            VerifyBlobCommand.message(for: error).contains(usage.message)
        }
    }

    @Test(arguments: usageErrors.prefix(4))
    func usageErrorsExitNonZeroWithAnErrorLine(_ usage: (flags: [String], message: String)) throws {
        let outcome = try SignetProcess.run(["verify-blob"] + Self.bundleFlags + usage.flags)
        #expect(outcome.status == 64, "\(outcome)")
        #expect(outcome.errorLines.first?.hasPrefix("Error: ") == true)
        #expect(outcome.errorLines.first?.contains(usage.message) == true)
        #expect(outcome.standardOutput.isEmpty)
    }

    @Test func exactFlagsBecomeAnExactIdentityPolicy() throws {
        let command = try VerifyBlobCommand.parse(
            Self.bundleFlags + [
                "--certificate-identity", "a@example.com", "--certificate-oidc-issuer", "https://issuer.example",
                "--certificate-github-workflow-repository", "o/r", "--certificate-extension", "1.3.6.1.4.1.57264.1.12=https://github.com/o/r",
            ])
        guard case .identity(let san, let issuer, let extensions) = try command.identity.policy() else {
            Issue.record("expected an identity policy")
            return
        }
        #expect(san == .exact("a@example.com"))
        #expect(issuer == .exact("https://issuer.example"))
        #expect(extensions == [.githubWorkflowRepository: "o/r", .sourceRepositoryURI: "https://github.com/o/r"])
    }

    @Test func regexpFlagsBecomeARegexPolicy() throws {
        let command = try VerifyBlobCommand.parse(
            Self.bundleFlags + ["--certificate-identity-regexp", ".*@example\\.com", "--certificate-oidc-issuer-regexp", "https://.*"])
        guard case .identity(let san, let issuer, let extensions) = try command.identity.policy() else {
            Issue.record("expected an identity policy")
            return
        }
        #expect(san == .regex(".*@example\\.com"))
        #expect(issuer == .regex("https://.*"))
        #expect(extensions.isEmpty)
    }

    @Test(arguments: [
        ("sourceRepositoryURI=https://github.com/o/r", FulcioExtension.sourceRepositoryURI, "https://github.com/o/r"),
        ("1.3.6.1.4.1.57264.1.8=https://issuer", FulcioExtension.issuer, "https://issuer"),
        ("1.3.6.1.4.1.57264.1.24=a=b", FulcioExtension.tokenSubject, "a=b"),
        ("buildTrigger=", FulcioExtension.buildTrigger, ""),
    ])
    func parsesExtensionAssignments(_ text: String, _ expected: FulcioExtension, _ value: String) throws {
        let (parsed, parsedValue) = try IdentityOptions.parseExtension(text)
        #expect(parsed == expected)
        #expect(parsedValue == value)
    }

    @Test func conflictingClaimValuesAreAUsageError() throws {
        let flags = Self.bundleFlags + [
            "--certificate-identity", "a", "--certificate-oidc-issuer", "i", "--certificate-github-workflow-ref", "refs/heads/a",
            "--certificate-extension", "githubWorkflowRef=refs/heads/b",
        ]
        #expect {
            try VerifyBlobCommand.parse(flags)
        } throws: { error in
            VerifyBlobCommand.message(for: error) == "the certificate extension githubWorkflowRef is required to hold two different values"
        }
    }
}
