import Foundation
import Testing
@testable import SigstoreModels

/// Loads files from this target's `Fixtures/` folder.
enum ProtoFixture {
    static func bytes(_ path: String) throws -> [UInt8] {
        let url = try #require(
            Bundle.module.url(forResource: path, withExtension: nil, subdirectory: "Fixtures"),
            "missing fixture \(path)"
        )
        return Array(try Data(contentsOf: url))
    }

    static func text(_ path: String) throws -> String {
        String(decoding: try bytes(path), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try ProtoJSON.decode(type, from: bytes(path))
    }

    /// The JSON value of `bytes` as Foundation objects, without the members a proto3 writer
    /// may leave out (null, empty arrays, empty strings), so two writers' output compares equal.
    static func normalizedJSON(_ bytes: [UInt8]) throws -> NSObject {
        func strip(_ value: Any) -> Any? {
            switch value {
            case is NSNull: return nil
            case let string as String: return string.isEmpty ? nil : string
            case let array as [Any]:
                let kept = array.compactMap(strip)
                return kept.isEmpty ? nil : kept
            case let object as [String: Any]:
                return object.compactMapValues(strip)
            default: return value
            }
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(bytes))
        return try #require(strip(parsed) as? NSObject)
    }
}

/// Asserts that `body` throws a `ModelError` with `code` naming `field`.
func expectModelError(
    _ code: ModelError.Code, field: String, sourceLocation: SourceLocation = #_sourceLocation,
    _ body: () throws -> Void
) {
    do {
        try body()
        Issue.record("expected \(code) at \(field), but nothing was thrown", sourceLocation: sourceLocation)
    } catch let error as ModelError {
        #expect(error.code == code, "\(error)", sourceLocation: sourceLocation)
        #expect(error.field == field, "\(error)", sourceLocation: sourceLocation)
    } catch {
        Issue.record("expected a ModelError, got \(error)", sourceLocation: sourceLocation)
    }
}

@Suite struct ProtoJSONTests {
    // RFC 4648 §10 test vectors.
    @Test(arguments: [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ])
    func base64MatchesRFC4648(plain: String, encoded: String) throws {
        #expect(ProtoBase64.encode(Array(plain.utf8)) == encoded)
        #expect(ProtoBase64.decode(encoded) == Array(plain.utf8))
    }

    @Test(arguments: [
        ("+/8=", [0xFB, 0xFF]), ("-_8=", [0xFB, 0xFF]), ("+/8", [0xFB, 0xFF]), ("-_8", [0xFB, 0xFF]),
        ("Zg", [0x66]), ("Zm8", [0x66, 0x6F]),
    ] as [(String, [UInt8])])
    func base64AcceptsURLSafeAndUnpadded(text: String, bytes: [UInt8]) {
        #expect(ProtoBase64.decode(text) == bytes)
    }

    @Test(arguments: [
        "Zm9v\n", " Zm9v", "Z", "Zg=", "Zg===", "Zm9=v", "Zm8==", "====", "+_8=", "Zh==", "Zm9", "Zm9v!",
    ])
    func base64RejectsEverythingElse(text: String) {
        #expect(ProtoBase64.decode(text) == nil)
    }

    @Test(arguments: [
        ("1970-01-01T00:00:00Z", 0, 0),
        ("2021-01-12T11:53:27Z", 1_610_452_407, 0),
        ("2022-04-13T20:06:15.000Z", 1_649_880_375, 0),
        ("2022-10-31T23:59:59.999Z", 1_667_260_799, 999_000_000),
        ("2025-01-01T01:00:00+01:00", 1_735_689_600, 0),
        ("2024-02-29T12:00:00.123456789-05:30", 1_709_227_800, 123_456_789),
        ("0001-01-01T00:00:00Z", -62_135_596_800, 0),
        ("9999-12-31T23:59:59.999999999Z", 253_402_300_799, 999_999_999),
    ] as [(String, Int64, Int32)])
    func timestampsParse(text: String, seconds: Int64, nanos: Int32) throws {
        let timestamp = try #require(ProtoTimestamp(rfc3339: text))
        #expect(timestamp == ProtoTimestamp(seconds: seconds, nanos: nanos))
    }

    @Test(arguments: [
        "2023-02-29T00:00:00Z", "2025-13-01T00:00:00Z", "2025-01-32T00:00:00Z", "2025-01-01 00:00:00Z",
        "2025-01-01T00:00:00", "2025-01-01T24:00:00Z", "2025-01-01T00:00:60Z", "2025-01-01T00:00:00.Z",
        "2025-01-01T00:00:00.1234567890Z", "2025-01-01T00:00:00z", "0000-01-01T00:00:00Z",
        "2025-01-01T00:00:00+0100", "2025-01-01T00:00:00Zjunk", "9999-12-31T23:59:59-01:00",
    ])
    func timestampsRejectNonRFC3339(text: String) {
        #expect(ProtoTimestamp(rfc3339: text) == nil)
    }

    @Test(arguments: [
        (0, 0, "1970-01-01T00:00:00Z"),
        (-1, 0, "1969-12-31T23:59:59Z"),
        (1_667_260_799, 999_000_000, "2022-10-31T23:59:59.999Z"),
        (1_735_689_600, 500_000_000, "2025-01-01T00:00:00.500Z"),
        (1_735_689_600, 1_000, "2025-01-01T00:00:00.000001Z"),
        (1_735_689_600, 1, "2025-01-01T00:00:00.000000001Z"),
        (951_782_400, 0, "2000-02-29T00:00:00Z"),
    ] as [(Int64, Int32, String)])
    func timestampsFormatInUTC(seconds: Int64, nanos: Int32, text: String) {
        #expect(ProtoTimestamp(seconds: seconds, nanos: nanos).rfc3339 == text)
    }

    @Test func timestampConvertsToAndFromDate() {
        let timestamp = ProtoTimestamp(seconds: 1_667_260_799, nanos: 999_000_000)
        #expect(ProtoTimestamp(timestamp.date) == timestamp)
        #expect(ProtoTimestamp(Date(timeIntervalSince1970: -0.25)) == ProtoTimestamp(seconds: -1, nanos: 750_000_000))
    }

    @Test(arguments: [
        ("log_index", "logIndex"), ("rfc3161_timestamps", "rfc3161Timestamps"),
        ("x509_certificate_chain", "x509CertificateChain"), ("payloadType", "payloadType"), ("keyid", "keyid"),
    ])
    func jsonNamesFollowProtoc(protoName: String, jsonName: String) {
        #expect(ProtoFields.jsonName(forProtoName: protoName) == jsonName)
    }

    @Test func fieldPathsReadLikeJSONPaths() {
        let path: [any CodingKey] = [
            ProtoJSONKey("verificationMaterial"), ProtoJSONKey("tlogEntries"), ProtoJSONIndexKey(intValue: 0),
            ProtoJSONKey("inclusionProof"), ProtoJSONKey("treeSize"),
        ]
        #expect(ProtoJSON.fieldPath(path) == "verificationMaterial.tlogEntries[0].inclusionProof.treeSize")
        #expect(ProtoJSON.fieldPath([]) == "")
    }

    @Test func encodingKeepsFieldOrderAndEscapesOnlyWhatJSONNeeds() throws {
        let checkpoint = TransparencyLogEntry.Checkpoint(envelope: "origin\n1\n\n\u{2014} origin \"sig\"\\\t\u{1}/")
        let text = String(decoding: try ProtoJSON.encode(checkpoint), as: UTF8.self)
        #expect(text == #"{"envelope":"origin\n1\n\n— origin \"sig\"\\\t\u0001/"}"#)

        let promise = TransparencyLogEntry.InclusionPromise(signedEntryTimestamp: [1, 2, 3])
        let kind = TransparencyLogEntry.KindVersion(kind: "hashedrekord", version: "0.0.1")
        let entry = TransparencyLogEntry(
            logIndex: 0, logId: LogId(keyId: [0xFF]), kindVersion: kind, inclusionPromise: promise, canonicalizedBody: [0x7B, 0x7D]
        )
        let encoded = String(decoding: try ProtoJSON.encode(entry), as: UTF8.self)
        #expect(encoded == #"{"logIndex":"0","logId":{"keyId":"/w=="},"kindVersion":{"kind":"hashedrekord","version":"0.0.1"},"inclusionPromise":{"signedEntryTimestamp":"AQID"},"canonicalizedBody":"e30="}"#)
    }

    @Test func prettyEncodingIndentsByTwoSpaces() throws {
        let chain = X509CertificateChain(certificates: [X509Certificate(rawBytes: [1]), X509Certificate(rawBytes: [2])])
        let text = String(decoding: try ProtoJSON.encode(chain, pretty: true), as: UTF8.self)
        #expect(text == "{\n  \"certificates\": [\n    {\n      \"rawBytes\": \"AQ==\"\n    },\n    {\n      \"rawBytes\": \"Ag==\"\n    }\n  ]\n}\n")
    }

    @Test func malformedDocumentsAreMalformedJSON() {
        for text in ["", "{", "{\"certificates\": []} trailing", "nul"] {
            expectModelError(.malformedJSON, field: "") {
                _ = try ProtoJSON.decode(X509CertificateChain.self, from: Array(text.utf8))
            }
        }
    }

    @Test func documentsMustBeObjects() {
        for text in ["[]", "\"text\"", "42"] {
            expectModelError(.wrongType, field: "") {
                _ = try ProtoJSON.decode(X509CertificateChain.self, from: Array(text.utf8))
            }
        }
    }
}
