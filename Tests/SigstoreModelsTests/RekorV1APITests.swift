import Crypto
import Testing

@testable import SigstoreModels

@Suite("Rekor v1 API wire models")
struct RekorV1APITests {
    /// The public-good Rekor v1 key, from the trusted root fixture.
    static func publicGoodRekorKey() throws -> P256.Signing.PublicKey {
        let root = try JSONValue(parsing: fixtureBytes("public-good-trusted-root.json", in: ""), limits: unlimited)
        let tlog = try #require(root["tlogs"]?.arrayValue?.first { $0["baseUrl"] == "https://rekor.sigstore.dev" })
        let der = try #require(ProtoBase64.decode(tlog["publicKey"]!["rawBytes"]!.stringValue!))
        return try P256.Signing.PublicKey(derRepresentation: der)
    }

    static func verifySET(_ entry: RekorV1.LogEntry) throws -> Bool {
        let signature = try #require(entry.verification?.signedEntryTimestamp.flatMap(ProtoBase64.decode))
        return try publicGoodRekorKey().isValidSignature(
            P256.Signing.ECDSASignature(derRepresentation: signature), for: entry.signedEntryTimestampPayload())
    }

    /// A public-good response (from docker/attest's test data): the SET the log signed must
    /// verify over the payload this library builds, and the UUID is the leaf hash.
    @Test func realLogEntryDecodesAndItsSETVerifies() throws {
        let text = try fixtureBytes("docker-attest-log-entry.json", in: "rekor")
        let entry = try JSONValue(parsing: text, limits: unlimited).decode(RekorV1.LogEntry.self)
        #expect(entry.integratedTime == 1_703_705_039)
        #expect(entry.logIndex == 59_674_396)
        #expect(entry.logID == "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d")
        let proof = try #require(entry.verification?.inclusionProof)
        #expect(proof.logIndex == 55_510_965)
        #expect(proof.treeSize == 55_510_966)
        #expect(proof.hashes.count == 15)
        #expect(RekorFieldCoding.hex(proof.rootHash) == "2428b53b9dd799d8bd9579ee8b8439490f8c2523275abd41c67f90d907f6dad5")
        #expect(proof.checkpoint.hasPrefix("rekor.sigstore.dev - 2605736670972794746\n55510966\n"))
        #expect(try Self.verifySET(entry))

        var tampered = entry
        tampered.integratedTime += 1
        #expect(try !Self.verifySET(tampered))

        let body = try #require(entry.bodyBytes)
        guard case .hashedRekordV001(let spec) = try RekorEntry(decoding: body) else {
            Issue.record("expected hashedrekord 0.0.1")
            return
        }
        #expect(spec.data.hexValue == "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")

        // Wrapped the way the API returns it, keyed by the leaf hash.
        let uuid = RekorFieldCoding.hex(SHA256.hash(data: [0] + body))
        let response = RekorV1.LogEntryResponse(uuid: uuid, entry: entry)
        let decoded = try RekorV1.LogEntryResponse(decoding: response.encoded())
        #expect(decoded == response)
        #expect(decoded.entry.verification?.inclusionProof?.hashes == proof.hashes)
    }

    /// §4.5 in reverse: the v1 fields of a bundle's entry rebuild the SET payload it was signed over.
    @Test func bundleInclusionPromiseVerifiesOverRebuiltPayload() throws {
        let bundle = try RealBundle("bundle_v3_github.whl.sigstore")
        let tlog = try #require(bundle.json["verificationMaterial"]?["tlogEntries"]?.arrayValue?.first)
        let keyID = try #require(ProtoBase64.decode(tlog["logId"]!["keyId"]!.stringValue!))
        let entry = RekorV1.LogEntry(
            body: tlog["canonicalizedBody"]!.stringValue!,
            integratedTime: Int64(tlog["integratedTime"]!.stringValue!)!,
            logID: RekorFieldCoding.hex(keyID),
            logIndex: Int64(tlog["logIndex"]!.stringValue!)!,
            verification: .init(inclusionProof: nil,
                                signedEntryTimestamp: tlog["inclusionPromise"]!["signedEntryTimestamp"]!.stringValue!))
        #expect(try Self.verifySET(entry))
        let payload = String(decoding: try entry.signedEntryTimestampPayload(), as: UTF8.self)
        #expect(payload.hasPrefix(#"{"body":"eyJhcGlWZXJzaW9uIjoiMC4wLjEi"#))
        #expect(payload.hasSuffix(#"","integratedTime":1710888076,"logID":"c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d","logIndex":79605083}"#))
    }

    @Test func responsesMustHoldExactlyOneEntry() throws {
        let entry = #"{"body":"e30=","integratedTime":1,"logID":"\#(String(repeating: "ab", count: 32))","logIndex":0}"#
        let uuid = String(repeating: "0", count: 64)
        _ = try RekorV1.LogEntryResponse(decoding: Array(#"{"\#(uuid)":\#(entry)}"#.utf8))
        let badInputs = [
            "{}",
            #"{"\#(uuid)":\#(entry),"\#(String(repeating: "1", count: 64))":\#(entry)}"#,
            #"{"not-a-uuid":\#(entry)}"#,
            #"{"\#(uuid)":{"body":"e30=","integratedTime":1,"logID":"abc","logIndex":0}}"#,
            #"{"\#(uuid)":{"body":"e30=","integratedTime":1.5,"logID":"\#(String(repeating: "ab", count: 32))","logIndex":0}}"#,
            #"{"\#(uuid)":{"body":"e30=","integratedTime":1,"logID":"\#(String(repeating: "ab", count: 32))","logIndex":-1}}"#,
            #"{"\#(uuid)":{"integratedTime":1,"logID":"\#(String(repeating: "ab", count: 32))","logIndex":0}}"#,
        ]
        for input in badInputs {
            #expect(throws: ModelError.self, "\(input)") { try RekorV1.LogEntryResponse(decoding: Array(input.utf8)) }
        }
    }

    @Test func logInfoAndConsistencyProofRoundTrip() throws {
        let root = String(repeating: "0f", count: 32)
        let info = #"{"rootHash":"\#(root)","treeSize":1300,"signedTreeHead":"note\n","treeID":"1193050959916656506","inactiveShards":[{"rootHash":"\#(root)","treeSize":7,"signedTreeHead":"old\n","treeID":"2605736670972794746"}],"futureField":true}"#
        let decoded = try RekorV1.LogInfo(decoding: Array(info.utf8))
        #expect(decoded.treeSize == 1300)
        #expect(decoded.treeID == "1193050959916656506")
        #expect(decoded.inactiveShards.map(\.treeSize) == [7])
        #expect(try RekorV1.LogInfo(decoding: decoded.encoded()) == decoded)
        #expect(throws: ModelError.self) {
            try RekorV1.LogInfo(decoding: Array(#"{"rootHash":"\#(root)","treeSize":1,"signedTreeHead":"","treeID":"x1"}"#.utf8))
        }

        let proof = try RekorV1.ConsistencyProof(decoding: Array(#"{"rootHash":"\#(root)","hashes":["\#(root.uppercased())"]}"#.utf8))
        #expect(proof.hashes == [proof.rootHash])
        #expect(String(decoding: try proof.encoded(), as: UTF8.self) == #"{"hashes":["\#(root)"],"rootHash":"\#(root)"}"#)
        #expect(throws: ModelError.self) {
            try RekorV1.ConsistencyProof(decoding: Array(#"{"rootHash":"\#(root)","hashes":["abcd"]}"#.utf8))
        }
    }

    @Test func searchQueriesAreValidated() throws {
        let uuid = String(repeating: "a", count: 64)
        let query = RekorV1.SearchLogQuery(entryUUIDs: [uuid, uuid + "0123456789abcdef"], logIndexes: [0, 42])
        #expect(try RekorV1.SearchLogQuery(decoding: query.encoded()) == query)

        let badQueries = [
            "{}",
            #"{"logIndexes":[-1]}"#,
            #"{"logIndexes":[\#((0...10).map(String.init).joined(separator: ","))]}"#,
            #"{"entryUUIDs":["abc"]}"#,
            #"{"logIndexes":[1],"extra":1}"#,
            #"{"entries":[{"apiVersion":"0.0.1","kind":"rekord","spec":{}}]}"#,
        ]
        for input in badQueries {
            #expect(throws: ModelError.self, "\(input)") { try RekorV1.SearchLogQuery(decoding: Array(input.utf8)) }
        }

        let index = RekorV1.SearchIndex(publicKey: .init(format: .x509, content: [1, 2, 3]),
                                        hash: "sha256:" + String(repeating: "0", count: 64), operator: .and)
        #expect(try RekorV1.SearchIndex(decoding: index.encoded()) == index)
        for input in [#"{}"#, #"{"hash":"sha256:abcd"}"#, #"{"hash":"md5:\#(String(repeating: "0", count: 32))"}"#,
                      #"{"email":"a@b","operator":"xor"}"#, #"{"publicKey":{"format":"gpg","content":"AQID"}}"#] {
            #expect(throws: ModelError.self, "\(input)") { try RekorV1.SearchIndex(decoding: Array(input.utf8)) }
        }
    }

    @Test func errorBodyRoundTrips() throws {
        let body = RekorV1.ErrorBody(code: 409, message: "an equivalent entry already exists in the transparency log")
        #expect(String(decoding: try body.encoded(), as: UTF8.self)
            == #"{"code":409,"message":"an equivalent entry already exists in the transparency log"}"#)
        #expect(try RekorV1.ErrorBody(decoding: body.encoded()) == body)
    }
}
