import Crypto
import Foundation
import Testing
import SigstoreModels

@Suite struct TransparencyLogEntryTests {
    /// The Rekor v2 entry of a real staging bundle, as rekor-tiles returns it: with the
    /// unpopulated `integratedTime` and `inclusionPromise` members it always writes.
    static let rekorTilesResponse = #"""
        {"logIndex":"645","logId":{"keyId":"8w1amZ2S5mJIQkQmPxdMuOrL/oJkvFg9MnQXmeOCXck="},
         "kindVersion":{"kind":"hashedrekord","version":"0.0.2"},"integratedTime":"0","inclusionPromise":null,
         "inclusionProof":{"logIndex":"645","rootHash":"kNum4JmdViJPfZLMRB3xPi6flATj2JzJSiF+1pQDzNQ=","treeSize":"646",
          "hashes":["eTqr8nE8VGEREKQ2MDQeD+zKHTJERE6iNw0tG1G+WbQ=","wzbEsO0X3AWHadlgJZx7yhJdRVEZ2dEY21okXQ6UIi4=",
                    "QMesRTEZdIgthOEinYE/9J7wGv+VmArDZTICj9POmhY=","UNUMG62rMwoqCqFKknh4R5Ubkf5Z6dj+Pk0m/1xu8uo="],
          "checkpoint":{"envelope":"log2025-alpha1.rekor.sigstage.dev\n646\nkNum4JmdViJPfZLMRB3xPi6flATj2JzJSiF+1pQDzNQ=\n\n\u2014 log2025-alpha1.rekor.sigstage.dev 8w1amQA0XB55lIjvC/rvbpawQn9lp2R5TSkvqoNJuxcH9Ii05Ddi66xN8z5ZE6GsK2MkvgNZuqnZ5RtHbq2kpt/B8AE=\n"}},
         "canonicalizedBody":"e30="}
        """#

    static func decode(_ text: String) throws -> TransparencyLogEntry {
        try ProtoJSON.decode(TransparencyLogEntry.self, from: Array(text.utf8))
    }

    @Test func readsRekorTilesResponseWithUnpopulatedMembers() throws {
        let entry = try Self.decode(Self.rekorTilesResponse)
        #expect(entry.logIndex == 645)
        #expect(entry.integratedTime == 0)
        #expect(entry.inclusionPromise == nil)
        #expect(entry.kindVersion == .init(kind: "hashedrekord", version: "0.0.2"))
        let proof = try #require(entry.inclusionProof)
        #expect(proof.treeSize == 646)
        #expect(proof.hashes.count == 4)
        #expect(try #require(proof.checkpoint).envelope.hasPrefix("log2025-alpha1.rekor.sigstage.dev\n646\n"))
        #expect(try #require(proof.checkpoint).envelope.contains("\n\u{2014} log2025-alpha1"))
        try entry.validate()

        // Written back without the unpopulated members, and with the indexes as strings.
        let written = String(decoding: try ProtoJSON.encode(entry), as: UTF8.self)
        #expect(!written.contains("integratedTime"))
        #expect(!written.contains("inclusionPromise"))
        #expect(written.hasPrefix(#"{"logIndex":"645","logId":{"keyId":"8w1amZ2S5mJIQkQmPxdMuOrL/oJkvFg9MnQXmeOCXck="},"#))
        #expect(written.contains(#""inclusionProof":{"logIndex":"645","rootHash":"#))
        #expect(try Self.decode(written) == entry)
    }

    @Test(arguments: [
        (#""logIndex":"645""#, #""logIndex":645"#, 645),
        (#""logIndex":"645""#, #""logIndex":645.0"#, 645),
        (#""logIndex":"645""#, #""logIndex":"9223372036854775807""#, Int64.max),
        (#""logIndex":"645""#, #""logIndex":"-3""#, -3),
        (#""logIndex":"645","#, "", 0),
        (#""logIndex":"645""#, #""log_index":"7""#, 7),
    ] as [(String, String, Int64)])
    func readsInt64FromStringOrNumber(original: String, replacement: String, value: Int64) throws {
        let entry = try Self.decode(Self.rekorTilesResponse.replacingOccurrences(of: original, with: replacement))
        #expect(entry.logIndex == value)
    }

    @Test(arguments: [
        (#""logIndex":645.5"#, ModelError.Code.invalidValue, "logIndex"),
        (#""logIndex":"645.5""#, .invalidValue, "logIndex"),
        (#""logIndex":"1e3""#, .invalidValue, "logIndex"),
        (#""logIndex":" 645""#, .invalidValue, "logIndex"),
        (#""logIndex":"+645""#, .invalidValue, "logIndex"),
        (#""logIndex":"9223372036854775808""#, .invalidValue, "logIndex"),
        (#""logIndex":9223372036854775808"#, .invalidValue, "logIndex"),
        (#""logIndex":true"#, .wrongType, "logIndex"),
        (#""logIndex":["645"]"#, .wrongType, "logIndex"),
        (#""logIndex":"645","logIndex":"645""#, .malformedJSON, "inclusionProof.logIndex"),
        (#""logIndex":"645","log_index":"645""#, .invalidValue, "log_index"),
        (#""logIndex":"645","logIndexes":"645""#, .unknownField, "logIndexes"),
    ] as [(String, ModelError.Code, String)])
    func rejectsMalformedInt64(replacement: String, code: ModelError.Code, field: String) throws {
        let text = Self.rekorTilesResponse.replacingOccurrences(of: #""logIndex":"645""#, with: replacement)
        expectModelError(code, field: field) { _ = try Self.decode(text) }
    }

    @Test(arguments: [
        (#""treeSize":"646""#, #""treeSize":"646.5""#, ModelError.Code.invalidValue, "inclusionProof.treeSize"),
        (#""treeSize":"646","#, "", .missingField, "inclusionProof.treeSize"),
        (#""kindVersion":{"kind":"hashedrekord","#, #""kindVersion":{"#, .missingField, "kindVersion.kind"),
        (#""logId":{"keyId":"8w1amZ2S5mJIQkQmPxdMuOrL/oJkvFg9MnQXmeOCXck="},"#, "", .missingField, "logId"),
        (#""canonicalizedBody":"e30=""#, #""canonicalizedBody":"""#, .missingField, "canonicalizedBody"),
        (#""canonicalizedBody":"e30=""#, #""canonicalizedBody":"e30""#, nil, ""),
        (#""canonicalizedBody":"e30=""#, #""canonicalizedBody":"e3 0=""#, .invalidValue, "canonicalizedBody"),
        (#""checkpoint":{"envelope""#, #""checkpoint":{"extra":1,"envelope""#, .unknownField, "inclusionProof.checkpoint.extra"),
        (#""hashes":["#, #""hashes":["%%%","#, .invalidValue, "inclusionProof.hashes[0]"),
        (#""hashes":["#, #""hashes":{"a":1},"b":["#, .unknownField, "inclusionProof.b"),
        (#""eTqr8nE8VGEREKQ2MDQeD+zKHTJERE6iNw0tG1G+WbQ=""#, "7", .wrongType, "inclusionProof.hashes[0]"),
        (#""inclusionPromise":null"#, #""inclusionPromise":[]"#, .wrongType, "inclusionPromise"),
        (#""kind":"hashedrekord""#, #""kind":1"#, .wrongType, "kindVersion.kind"),
        (#""inclusionPromise":null"#, #""inclusionPromise":{}"#, .missingField, "inclusionPromise.signedEntryTimestamp"),
    ] as [(String, String, ModelError.Code?, String)])
    func reportsTheFullPathOfBadMembers(original: String, replacement: String, code: ModelError.Code?, field: String) throws {
        let text = Self.rekorTilesResponse.replacingOccurrences(of: original, with: replacement)
        #expect(text != Self.rekorTilesResponse)
        guard let code else {
            _ = try Self.decode(text)
            return
        }
        expectModelError(code, field: field) { _ = try Self.decode(text) }
    }

    @Test(arguments: [
        (#""logIndex":"645","#, #""logIndex":"-1","#, "logIndex"),
        (#""treeSize":"646""#, #""treeSize":"645""#, "inclusionProof.treeSize"),
        (#""rootHash":"kNum4JmdViJPfZLMRB3xPi6flATj2JzJSiF+1pQDzNQ=""#, #""rootHash":"AAAA""#, "inclusionProof.rootHash"),
        (#""eTqr8nE8VGEREKQ2MDQeD+zKHTJERE6iNw0tG1G+WbQ=","#, "", "inclusionProof.hashes"),
        (#""treeSize":"646""#, #""treeSize":"1000""#, "inclusionProof.hashes"),
        (#""eTqr8nE8VGEREKQ2MDQeD+zKHTJERE6iNw0tG1G+WbQ=""#, #""AAAA""#, "inclusionProof.hashes[0]"),
    ])
    func validationChecksIndexesAndAuditPathLength(original: String, replacement: String, field: String) throws {
        let entry = try Self.decode(Self.rekorTilesResponse.replacingOccurrences(of: original, with: replacement))
        expectModelError(.invalidValue, field: field) { try entry.validate() }
    }

    /// The public-good v0.2 bundle entry was made from a Rekor v1 response by the §4.5
    /// mapping; its members, turned back into the response's hex and numbers, must map to
    /// the same entry.
    @Test func convertsRekorV1Response() throws {
        let bundle = try ProtoFixture.decode(SigstoreBundle.self, "bundles/v0.2-public-good-github.sigstore.json")
        let expected = try #require(bundle.verificationMaterial.tlogEntries.first)
        let proof = try #require(expected.inclusionProof)
        let hex = { (bytes: [UInt8]) in bytes.map { String(format: "%02x", $0) }.joined() }
        let body = Data(expected.canonicalizedBody).base64EncodedString()
        let leafHash = hex(Array(SHA256.hash(data: [0] + expected.canonicalizedBody)))
        let response = TransparencyLogEntry.RekorV1InclusionProof(
            logIndex: 75_441_652, rootHash: hex(proof.rootHash), treeSize: 75_441_653, hashes: proof.hashes.map(hex),
            checkpoint: try #require(proof.checkpoint).envelope
        )
        let set = "MEYCIQD8ohK48/Ls8D4Qd3dQZl6geplAt0p5Sgpa1wabniB/ZgIhALsVfKCe1m2KKtaEImxijm5bO2K49NltHWafJE2a1hnr"
        let converted = try TransparencyLogEntry(
            rekorV1Body: body, integratedTime: 1_710_888_076,
            logID: "c0d23d6ad406973f9559f3ba2d1ca01f84147d8ffc5b8445c224f98b9591801d", logIndex: 79_605_083,
            inclusionProof: response, signedEntryTimestamp: set, entryUUID: "24296fb24b8ad77a" + leafHash
        )
        #expect(converted == expected)
        #expect(converted.kindVersion == .init(kind: "hashedrekord", version: "0.0.1"))

        expectModelError(.invalidValue, field: "uuid") {
            _ = try TransparencyLogEntry(
                rekorV1Body: body, integratedTime: 1, logID: hex(expected.logId.keyId), logIndex: 1,
                inclusionProof: nil, signedEntryTimestamp: nil, entryUUID: String(repeating: "0", count: 64)
            )
        }
        expectModelError(.invalidValue, field: "logID") {
            _ = try TransparencyLogEntry(
                rekorV1Body: body, integratedTime: 1, logID: "c0d2", logIndex: 1, inclusionProof: nil, signedEntryTimestamp: nil
            )
        }
        expectModelError(.invalidValue, field: "verification.inclusionProof.hashes[1]") {
            var bad = response
            bad.hashes[1] = "zz"
            _ = try TransparencyLogEntry(
                rekorV1Body: body, integratedTime: 1, logID: hex(expected.logId.keyId), logIndex: 1,
                inclusionProof: bad, signedEntryTimestamp: nil
            )
        }
        expectModelError(.invalidValue, field: "body") {
            _ = try TransparencyLogEntry(
                rekorV1Body: "e30=", integratedTime: 1, logID: hex(expected.logId.keyId), logIndex: 1,
                inclusionProof: nil, signedEntryTimestamp: nil
            )
        }
    }

    @Test func theEmptyProofOfAOneLeafTreeStillCarriesItsHashesMember() throws {
        // sigstore-python's pydantic model requires `hashes`, even when the audit path is empty.
        let proof = TransparencyLogEntry.InclusionProof(
            logIndex: 0, rootHash: Array(repeating: 1, count: 32), treeSize: 1, hashes: [],
            checkpoint: .init(envelope: "o\n1\nAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=\n\n— o AAAAAA==\n")
        )
        let text = String(decoding: try ProtoJSON.encode(proof), as: UTF8.self)
        #expect(text.contains(#""hashes":[]"#))
        #expect(try ProtoJSON.decode(TransparencyLogEntry.InclusionProof.self, from: Array(text.utf8)) == proof)
    }
}
