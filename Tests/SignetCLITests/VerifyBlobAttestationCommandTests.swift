import Foundation
import Testing

/// `signet verify-blob-attestation`: DSSE bundles, subjects and predicate types.
@Suite struct VerifyBlobAttestationCommandTests {
    @Test(arguments: RealBundle.dsse)
    func verifiesWithThePredicateTypeURI(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments() + ["--type", bundle.predicateType!])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.contains("Predicate:  \(bundle.predicateType!)\n"))
    }

    @Test(arguments: RealBundle.dsse)
    func verifiesWithoutAType(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments())
        #expect(outcome.status == 0, "\(outcome)")
    }

    @Test(arguments: RealBundle.dsse.filter { $0.predicateType == "https://slsa.dev/provenance/v1" })
    func acceptsCosignShortcuts(_ bundle: RealBundle) throws {
        let matching = try SignetProcess.run(try bundle.arguments() + ["--type", "slsaprovenance1"])
        #expect(matching.status == 0, "\(matching)")
        let older = try SignetProcess.run(try bundle.arguments() + ["--type", "slsaprovenance"])
        #expect(older.status == 1)
        #expect(
            older.standardError
                == "Error: the attestation's predicate type is https://slsa.dev/provenance/v1, not https://slsa.dev/provenance/v0.2\n")
    }

    @Test(arguments: RealBundle.dsse)
    func rejectsAnotherPredicateType(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments() + ["--type", "https://example.com/other/v1"])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1)
        #expect(outcome.standardError.contains("predicate type"), "\(outcome)")
    }

    @Test(arguments: RealBundle.dsse)
    func rejectsAnArtifactThatIsNotASubject(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments(artifact: try Fixture.path("artifacts/bundle_v3.txt")))
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("subject"), "\(outcome)")
    }

    @Test(arguments: RealBundle.messages)
    func rejectsAMessageSignatureBundle(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(try bundle.arguments(command: "verify-blob-attestation"))
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("holds a message signature, not an attestation"), "\(outcome)")
    }

    @Test func rejectsATypeThatIsNeitherAURINorAShortcut() throws {
        let bundle = RealBundle.dsse[0]
        let outcome = try SignetProcess.run(try bundle.arguments() + ["--type", "provenance"])
        #expect(outcome.status == 64)
        #expect(outcome.errorLines.first?.hasPrefix("Error: --type provenance is neither a URI nor one of") == true, "\(outcome)")
    }

    @Test func reportsTheStatementAsJSON() throws {
        let bundle = RealBundle.dsse.first { $0.file == "v0.3-staging-rekor-v2-dsse.sigstore.json" }!
        let outcome = try SignetProcess.run(try bundle.arguments() + ["--type", "slsaprovenance1", "--output", "json"])
        #expect(outcome.status == 0, "\(outcome)")
        let statement = try #require(try jsonObject(outcome.standardOutput)["statement"] as? [String: Any])
        #expect(statement["type"] as? String == "https://in-toto.io/Statement/v1")
        #expect(statement["predicateType"] as? String == "https://slsa.dev/provenance/v1")
        let subjects = try #require(statement["subjects"] as? [[String: Any]])
        let digest = try Fixture.sha256Reference("artifacts/a.txt").dropFirst("sha256:".count)
        #expect(subjects.contains { ($0["digest"] as? [String: String])?["sha256"] == String(digest) })
    }
}
