import Foundation
import Testing

/// `signet bundle inspect`: what a bundle holds, unverified.
@Suite struct BundleInspectCommandTests {
    @Test(arguments: RealBundle.all)
    func showsSignerAndLogEntry(_ bundle: RealBundle) throws {
        let outcome = try SignetProcess.run(["bundle", "inspect", try Fixture.path(bundle.bundlePath)])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.hasPrefix("Bundle (contents as written, not verified)\n"))
        #expect(outcome.standardOutput.contains("Identity: \(bundle.identity)\n"))
        #expect(outcome.standardOutput.contains("OIDC issuer: \(bundle.issuer)\n"))
        let kind = bundle.entry.replacingOccurrences(of: " ", with: " ")
        #expect(outcome.standardOutput.contains(", \(kind), log ID "))
        if let predicateType = bundle.predicateType {
            #expect(outcome.standardOutput.contains("Predicate type: \(predicateType)\n"))
        }
    }

    @Test func reportsEveryPartAsJSON() throws {
        let outcome = try SignetProcess.run([
            "bundle", "inspect", try Fixture.path("bundles/v0.3-public-good-dsse-hashedrekord.sigstore.json"), "--output", "json",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        let summary = try jsonObject(outcome.standardOutput)
        #expect(summary["mediaType"] as? String == "application/vnd.dev.sigstore.bundle.v0.3+json")
        #expect(summary["version"] as? String == "0.3")
        let content = try #require(summary["content"] as? [String: Any])
        #expect(content["kind"] as? String == "dsseEnvelope")
        #expect(content["payloadType"] as? String == "application/vnd.in-toto+json")
        let signer = try #require(summary["signer"] as? [String: Any])
        #expect(signer["kind"] as? String == "certificate")
        #expect(signer["notBefore"] as? String == "2026-05-13T19:47:33Z")
        #expect(signer["notAfter"] as? String == "2026-05-13T19:57:33Z")
        #expect(signer["certificateIssuer"] as? String == "CN=sigstore-intermediate,O=sigstore.dev")
        let entries = try #require(summary["tlogEntries"] as? [[String: Any]])
        #expect(entries.count == 1)
        #expect(entries.first?["logIndex"] as? Int == 1_525_557_801)
        #expect(entries.first?["integratedTime"] as? String == "2026-05-13T19:47:33Z")
        #expect(entries.first?["hasInclusionPromise"] as? Bool == true)
        #expect(entries.first?["checkpointOrigin"] as? String == "rekor.sigstore.dev - 1193050959916656506")
        let timestamps = try #require(summary["timestamps"] as? [[String: Any]])
        #expect(timestamps.count == 1)
        #expect(timestamps.first?["genTime"] as? String == "2026-05-13T19:47:33Z")
        #expect(timestamps.first?["policy"] as? String == "1.3.6.1.4.1.57264.2")
    }

    @Test func showsAManagedKeyHint() throws {
        let outcome = try SignetProcess.run(["bundle", "inspect", try Fixture.path("bundles/v0.1-public-good-npm-publish-dsse.sigstore.json")])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.contains("Signer: public key, hint SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA\n"))
        #expect(outcome.standardOutput.contains("Subject: pkg:npm/sigstore@1.3.0 sha512:76176ffa"))
        #expect(outcome.standardOutput.contains("Proof: (none)\n"))
    }

    @Test func failsOnSomethingThatIsNotABundle() throws {
        let outcome = try SignetProcess.run(["bundle", "inspect", try Fixture.path("staging-trusted-root.json")])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines.count == 1, "\(outcome)")
        #expect(outcome.standardError.hasPrefix("Error: the bundle"))
    }
}
