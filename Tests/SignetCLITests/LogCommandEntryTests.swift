import Crypto
import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport
import Testing

/// `signet log get`, `search` and `verify` against a real in-process dev stack.
@Suite("signet log get, search and verify", .serialized)
struct LogCommandEntryTests {
    @Test("get by index and by UUID prints the entry and a passed verification")
    func getsAnEntry() async throws {
        try await DevServer.run { server in
            let logged = try await HashedRekordTestSigner().logArtifacts(3, to: server)
            let byIndex = try await LogCommandProcess.log(["get", "--log-index", "1"], on: server)
            #expect(byIndex.status == 0, "\(byIndex)")
            // The log answers with the 80-hex entry ID (tree ID ‖ UUID); ETag carried the UUID.
            #expect(byIndex.standardOutput.contains("\(logged[1].entryID)\n"))
            #expect(byIndex.standardOutput.contains("Log index: 1\n"))
            #expect(byIndex.standardOutput.contains("Kind: hashedrekord 0.0.1\n"))
            #expect(byIndex.standardOutput.contains("Digest: sha256:\(Array(SHA256.hash(data: logged[1].artifact)).hex)\n"))
            #expect(byIndex.standardOutput.contains("Verification: passed"))
            #expect(byIndex.standardError.isEmpty)

            let byUUID = try await LogCommandProcess.log(["get", "--uuid", String(logged[2].entryID.suffix(64)), "--output", "json"], on: server)
            #expect(byUUID.status == 0, "\(byUUID)")
            let report = try JSONDecoder().decode(EntryReport.self, from: Data(byUUID.standardOutput.utf8))
            #expect(report.verified)
            #expect(report.logIndex == 2)
            #expect(report.uuid.hasSuffix(logged[2].entryID))
            #expect(report.kind == "hashedrekord")
            #expect(report.treeSize == 3)
            #expect(report.body?.kind == "hashedrekord")
            #expect(report.reason == nil)
        }
    }

    @Test("get with a trusted root that lacks the log prints the entry and fails its verification")
    func getFailsClosedOnAnUntrustedLog() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(1, to: server)
            let outcome = try await LogCommandProcess.signet(["log", "get", "--log-index", "0", "--rekor-url", server.baseURL])
            #expect(outcome.status != 0)
            #expect(outcome.standardOutput.contains("Log index: 0\n"))
            #expect(outcome.standardOutput.contains("Verification: FAILED: no trusted log has ID"), "\(outcome)")
            #expect(outcome.errorLines.count == 1)
        }
    }

    @Test("get and verify of an index the log does not have say so in one line")
    func reportsAnUnknownIndex() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(2, to: server)
            for command in ["get", "verify"] {
                let outcome = try await LogCommandProcess.log([command, "--log-index", "42"], on: server)
                #expect(outcome.status != 0)
                #expect(outcome.errorLines.count == 1)
                #expect(outcome.standardError.contains("HTTP 404"), "\(outcome)")
                #expect(outcome.standardOutput.isEmpty)
            }
        }
    }

    @Test("search finds entries by digest, by artifact file and by public key, and nothing for an unknown email")
    func searchesTheIndex() async throws {
        try await DevServer.run { server in
            let signer = try HashedRekordTestSigner()
            let logged = try await signer.logArtifacts(2, to: server)
            try await HashedRekordTestSigner().logArtifacts(1, to: server)
            let uuids = logged.map { String($0.entryID.suffix(64)) }

            let digest = Array(SHA256.hash(data: logged[0].artifact)).hex
            let byDigest = try await LogCommandProcess.log(["search", "--sha256", digest], on: server)
            #expect(byDigest.status == 0, "\(byDigest)")
            #expect(lines(byDigest).map { String($0.suffix(64)) } == [uuids[0]])

            let artifact = server.directory.appendingPathComponent("artifact.txt")
            try Data(logged[1].artifact).write(to: artifact)
            let byFile = try await LogCommandProcess.log(["search", "--artifact", artifact.path], on: server)
            #expect(byFile.status == 0, "\(byFile)")
            #expect(lines(byFile).map { String($0.suffix(64)) } == [uuids[1]])

            let keyFile = server.directory.appendingPathComponent("signer.pub")
            try Data(signer.key.publicKey.pemRepresentation.utf8).write(to: keyFile)
            let byKey = try await LogCommandProcess.log(["search", "--public-key", keyFile.path, "--output", "json"], on: server)
            #expect(byKey.status == 0, "\(byKey)")
            let found = try JSONDecoder().decode([String: [String]].self, from: Data(byKey.standardOutput.utf8))
            #expect(Set(found["uuids", default: []].map { String($0.suffix(64)) }) == Set(uuids))

            let byEmail = try await LogCommandProcess.log(["search", "--email", "nobody@example.test"], on: server)
            #expect(byEmail.status == 0, "\(byEmail)")
            #expect(byEmail.standardOutput.isEmpty)
            #expect(byEmail.standardError.contains("No matching entries"))

            let badDigest = try await LogCommandProcess.log(["search", "--sha256", "xyz"], on: server)
            #expect(badDigest.status != 0)
            #expect(badDigest.errorLines.count == 1)
        }
    }

    @Test("verify by index and by UUID passes against the log's trusted root")
    func verifiesEntries() async throws {
        try await DevServer.run { server in
            let logged = try await HashedRekordTestSigner().logArtifacts(4, to: server)
            let byIndex = try await LogCommandProcess.log(["verify", "--log-index", "3"], on: server)
            #expect(byIndex.status == 0, "\(byIndex)")
            #expect(byIndex.standardOutput.contains("Verification: passed"))
            #expect(byIndex.standardOutput.contains("Checkpoint: 127.0.0.1 - "))

            let byUUID = try await LogCommandProcess.log(["verify", "--uuid", logged[0].entryID], on: server)
            #expect(byUUID.status == 0, "\(byUUID)")
            #expect(byUUID.standardOutput.contains("Log index: 0\n"))

            let untrusted = try await LogCommandProcess.signet(["log", "verify", "--log-index", "3", "--rekor-url", server.baseURL])
            #expect(untrusted.status != 0)
            #expect(untrusted.errorLines.count == 1)
            #expect(untrusted.standardError.contains("no trusted log has ID"), "\(untrusted)")
        }
    }

    @Test("verify --bundle passes when the log holds the bundle's entry, and fails when the bundle's body differs")
    func verifiesABundle() async throws {
        try await DevServer.run { server in
            try await HashedRekordTestSigner().logArtifacts(2, to: server)
            let client = RekorV1ReadClient(baseURL: server.baseURL)
            let first = try await client.entry(logIndex: 0)
            let second = try await client.entry(logIndex: 1)

            let good = try writeBundle(for: first, named: "good.sigstore.json", in: server)
            let passed = try await LogCommandProcess.log(["verify", "--bundle", good], on: server)
            #expect(passed.status == 0, "\(passed)")
            #expect(passed.standardOutput.contains("Log index: 0\n"))
            #expect(passed.standardOutput.contains("Verification: passed"))

            // The second entry's body claimed at the first entry's index.
            let swapped = try writeBundle(for: first, body: second.entry.body, named: "swapped.sigstore.json", in: server)
            let failed = try await LogCommandProcess.log(["verify", "--bundle", swapped], on: server)
            #expect(failed.status != 0)
            #expect(failed.errorLines == ["Error: the log's entry at index 0 has a different body from the bundle's"], "\(failed)")
        }
    }

    @Test("flag combinations that name no entry or two are refused before any request")
    func refusesBadSelections() async throws {
        let none = try await LogCommandProcess.signet(["log", "get"])
        #expect(none.status != 0)
        #expect(none.standardError.contains("--log-index or --uuid"))
        let both = try await LogCommandProcess.signet(["log", "verify", "--log-index", "1", "--uuid", String(repeating: "a", count: 64)])
        #expect(both.status != 0)
        #expect(both.standardError.contains("--log-index and --uuid are mutually exclusive"))
        let withBundle = try await LogCommandProcess.signet(["log", "verify", "--log-index", "1", "--bundle", "b.json"])
        #expect(withBundle.status != 0)
        #expect(withBundle.standardError.contains("exactly one of --log-index, --uuid and --bundle"))
    }

    /// A managed-key v0.3 bundle carrying `response`'s entry as the v1 log returned it
    /// (interop contract §4.5), optionally with another canonical body.
    private func writeBundle(
        for response: RekorV1.LogEntryResponse, body: String? = nil, named name: String, in server: DevServer
    ) throws -> String {
        let entry = response.entry
        let proof = try #require(entry.verification?.inclusionProof)
        let logged = try TransparencyLogEntry(
            rekorV1Body: body ?? entry.body, integratedTime: entry.integratedTime, logID: entry.logID, logIndex: entry.logIndex,
            inclusionProof: .init(logIndex: proof.logIndex, rootHash: proof.rootHash.hex, treeSize: proof.treeSize,
                                  hashes: proof.hashes.map(\.hex), checkpoint: proof.checkpoint),
            signedEntryTimestamp: entry.verification?.signedEntryTimestamp)
        guard case .hashedRekordV001(let rekord) = try RekorEntry(decoding: try #require(entry.bodyBytes)) else {
            throw TestFailure("the entry is not a hashedrekord")
        }
        let bundle = SigstoreBundle(
            verificationMaterial: .init(content: .publicKey(.init(hint: "")), tlogEntries: [logged]),
            content: .messageSignature(.init(messageDigest: HashOutput(algorithm: .sha2_256, digest: rekord.data.digest),
                                             signature: rekord.signature)))
        let path = server.directory.appendingPathComponent(name).path
        try Data(try ProtoJSON.encode(bundle)).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func lines(_ outcome: ProcessOutcome) -> [String] {
        outcome.standardOutput.split(separator: "\n").map(String.init)
    }

    private struct EntryReport: Decodable {
        struct Body: Decodable { var kind: String }
        var uuid: String
        var logIndex: Int
        var kind: String
        var treeSize: Int?
        var verified: Bool
        var reason: String?
        var body: Body?
    }

    private struct TestFailure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
