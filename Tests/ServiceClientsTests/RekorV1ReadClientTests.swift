import Crypto
import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreModels
import SigstoreTestSupport
import Testing

/// The read client against a real in-process `signetd --dev` log on loopback.
@Suite("RekorV1ReadClient", .serialized)
struct RekorV1ReadClientTests {
    @Test("log info, entries by index and UUID, retrieve and the log key agree with what was logged")
    func readsWhatWasLogged() async throws {
        try await DevServer.run { server in
            let signer = try HashedRekordTestSigner()
            let artifacts = (0..<3).map { HashedRekordTestSigner.artifact("entry \($0)") }
            var entryIDs: [String] = []
            for artifact in artifacts {
                entryIDs.append(try await signer.log(artifact, to: server.baseURL))
            }
            let client = RekorV1ReadClient(baseURL: server.baseURL + "/")

            let info = try await client.logInfo()
            #expect(info.treeSize == 3)
            #expect(info.signedTreeHead.contains("\n3\n"))
            #expect(info.signedTreeHead.hasPrefix("127.0.0.1 - \(info.treeID)\n"))

            let keyPEM = try await client.publicKeyPEM()
            let logKey = try PublicKey(pemEncoded: keyPEM)

            for (index, entryID) in entryIDs.enumerated() {
                let byIndex = try await client.entry(logIndex: Int64(index))
                let byUUID = try await client.entry(uuid: entryID)
                // The SET is signed afresh for every answer (ECDSA is randomised); the rest is fixed.
                #expect(byIndex.uuid == byUUID.uuid)
                #expect(byIndex.entry.body == byUUID.entry.body)
                #expect(byIndex.entry.verification?.inclusionProof == byUUID.entry.verification?.inclusionProof)
                #expect(byIndex.uuid.hasSuffix(String(entryID.suffix(64))))
                #expect(byIndex.entry.logIndex == Int64(index))
                #expect(byIndex.entry.logID == logKey.keyID.hex)
                let body = try #require(byIndex.entry.bodyBytes)
                guard case .hashedRekordV001(let rekord) = try RekorEntry(decoding: body) else {
                    Issue.record("entry \(index) is not a hashedrekord")
                    continue
                }
                #expect(rekord.data.digest == Array(SHA256.hash(data: artifacts[index])))
                let payload = try byIndex.entry.signedEntryTimestampPayload()
                let set = try #require(byIndex.entry.verification?.signedEntryTimestamp.flatMap { Data(base64Encoded: $0) })
                #expect(logKey.isValidSignature(set, for: payload))
            }

            let retrieved = try await client.retrieveEntries(RekorV1.SearchLogQuery(entryUUIDs: [entryIDs[2]], logIndexes: [0]))
            #expect(Set(retrieved.map(\.entry.logIndex)) == [0, 2])
        }
    }

    @Test("the search index finds entries by artifact digest and by signing key")
    func searchesTheIndex() async throws {
        try await DevServer.run { server in
            let signer = try HashedRekordTestSigner()
            let other = try HashedRekordTestSigner()
            let artifact = HashedRekordTestSigner.artifact("searched")
            let first = try await signer.log(artifact, to: server.baseURL)
            let second = try await signer.log(HashedRekordTestSigner.artifact("second"), to: server.baseURL)
            try await other.log(HashedRekordTestSigner.artifact("other"), to: server.baseURL)
            let client = RekorV1ReadClient(baseURL: server.baseURL)

            let byDigest = try await client.searchIndex(RekorV1.SearchIndex(hash: "sha256:" + Array(SHA256.hash(data: artifact)).hex))
            let foundByDigest: [String] = byDigest.map { String($0.suffix(64)) }
            #expect(foundByDigest == [String(first.suffix(64))])

            let key = RekorV1.SearchIndex.PublicKey(format: .x509, content: Array(signer.key.publicKey.pemRepresentation.utf8))
            let byKey = try await client.searchIndex(RekorV1.SearchIndex(publicKey: key))
            let foundByKey: Set<String> = Set(byKey.map { String($0.suffix(64)) })
            let signedByKey: Set<String> = [String(first.suffix(64)), String(second.suffix(64))]
            #expect(foundByKey == signedByKey)

            let nothing = try await client.searchIndex(RekorV1.SearchIndex(hash: "sha256:" + String(repeating: "ab", count: 32)))
            #expect(nothing.isEmpty)
        }
    }

    @Test("a consistency proof leads from an earlier tree size to the current root")
    func fetchesConsistencyProofs() async throws {
        try await DevServer.run { server in
            let signer = try HashedRekordTestSigner()
            for index in 0..<5 {
                try await signer.log(HashedRekordTestSigner.artifact("proof \(index)"), to: server.baseURL)
            }
            let client = RekorV1ReadClient(baseURL: server.baseURL)
            let info = try await client.logInfo()
            let proof = try await client.consistencyProof(firstSize: 3, lastSize: info.treeSize, treeID: info.treeID)
            #expect(proof.rootHash == info.rootHash)
            // RFC 6962: from 3 to 5 leaves the proof holds leaf 2, node [0,2) and leaf 4... at least two hashes.
            #expect(proof.hashes.count >= 2)
            await #expect(throws: ServiceClientError.self) { try await client.consistencyProof(firstSize: 4, lastSize: 2) }
        }
    }

    @Test("an unknown index or UUID is a 404 rejection; a bad UUID is refused before sending")
    func reportsMissingEntries() async throws {
        try await DevServer.run { server in
            let client = RekorV1ReadClient(baseURL: server.baseURL)
            try await HashedRekordTestSigner().log(HashedRekordTestSigner.artifact("only"), to: server.baseURL)
            let missingIndex = await #expect(throws: ServiceClientError.self) { try await client.entry(logIndex: 7) }
            #expect(missingIndex?.code == .rejected)
            #expect(missingIndex?.status == 404)
            let missingUUID = await #expect(throws: ServiceClientError.self) {
                try await client.entry(uuid: String(repeating: "0", count: 64))
            }
            #expect(missingUUID?.status == 404)
            let badUUID = await #expect(throws: ServiceClientError.self) { try await client.entry(uuid: "not-a-uuid") }
            #expect(badUUID?.code == .invalidRequest)
            let negative = await #expect(throws: ServiceClientError.self) { try await client.entry(logIndex: -1) }
            #expect(negative?.code == .invalidRequest)
        }
    }

    @Test("a log nobody listens on is unreachable")
    func reportsUnreachableLogs() async throws {
        let client = RekorV1ReadClient(baseURL: "http://127.0.0.1:\(try DevServer.freePort())", timeout: .seconds(2))
        let error = await #expect(throws: ServiceClientError.self) { try await client.logInfo() }
        #expect(error?.code == .unreachable)
    }
}
