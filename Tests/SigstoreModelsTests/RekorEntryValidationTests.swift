import Foundation
import Testing

@testable import SigstoreModels

/// Malformed entry bodies and proposals, each with the error a caller can match on.
@Suite("Rekor entry validation")
struct RekorEntryValidationTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let json: String
        let code: ModelError.Code
        let field: String
        var testDescription: String { name }
    }

    static let digest = String(repeating: "ab", count: 32)
    static let pem = "LS0tLS1CRUdJTiBQVUJMSUMgS0VZLS0tLS0K"  // base64 of "-----BEGIN PUBLIC KEY-----\n"

    static func hashedRekord(hash: String = #"{"algorithm":"sha256","value":"\#(digest)"}"#,
                             content: String = #""MEUC""#, key: String = #"{"content":"\#(pem)"}"#,
                             extraSignature: String = "", kind: String = "hashedrekord", version: String = "0.0.1") -> String {
        #"{"apiVersion":"\#(version)","kind":"\#(kind)","spec":{"data":{"hash":\#(hash)},"signature":{"content":\#(content),"publicKey":\#(key)\#(extraSignature)}}}"#
    }

    static let dsseStored = #"{"apiVersion":"0.0.1","kind":"dsse","spec":{"envelopeHash":{"algorithm":"sha256","value":"\#(digest)"},"payloadHash":{"algorithm":"sha256","value":"\#(digest)"},"signatures":[{"signature":"MEUC","verifier":"\#(pem)"}]}}"#

    static let entryCases: [Case] = [
        Case(name: "valid baseline is accepted below", json: "", code: .malformedJSON, field: ""),
        Case(name: "unknown kind", json: hashedRekord(kind: "rekord"), code: .unsupportedEntryKind, field: "kind"),
        Case(name: "unknown version", json: hashedRekord(version: "0.0.3"), code: .unsupportedEntryKind, field: "kind"),
        Case(name: "intoto 0.0.1", json: #"{"apiVersion":"0.0.1","kind":"intoto","spec":{}}"#, code: .unsupportedEntryKind, field: "kind"),
        Case(name: "missing apiVersion", json: #"{"kind":"hashedrekord","spec":{}}"#, code: .missingField, field: "apiVersion"),
        Case(name: "kind is a number", json: #"{"apiVersion":"0.0.1","kind":1,"spec":{}}"#, code: .wrongType, field: "kind"),
        Case(name: "unknown top-level member",
             json: hashedRekord().dropLast() + #","extra":true}"#, code: .unknownField, field: "extra"),
        Case(name: "unknown member in signature", json: hashedRekord(extraSignature: #","format":"x509""#),
             code: .unknownField, field: "spec.signature.format"),
        Case(name: "sha256 digest too short",
             json: hashedRekord(hash: #"{"algorithm":"sha256","value":"\#(digest.dropLast(2))"}"#),
             code: .invalidValue, field: "spec.data.hash.value"),
        Case(name: "sha512 algorithm with a sha256 digest",
             json: hashedRekord(hash: #"{"algorithm":"sha512","value":"\#(digest)"}"#),
             code: .invalidValue, field: "spec.data.hash.value"),
        Case(name: "uppercase hex", json: hashedRekord(hash: #"{"algorithm":"sha256","value":"\#(digest.uppercased())"}"#),
             code: .invalidValue, field: "spec.data.hash.value"),
        Case(name: "unsupported algorithm", json: hashedRekord(hash: #"{"algorithm":"md5","value":"\#(digest)"}"#),
             code: .invalidValue, field: "spec.data.hash.algorithm"),
        Case(name: "digest value is a number", json: hashedRekord(hash: #"{"algorithm":"sha256","value":12}"#),
             code: .wrongType, field: "spec.data.hash.value"),
        Case(name: "missing hash", json: #"{"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"data":{},"signature":{"content":"MEUC","publicKey":{"content":"\#(pem)"}}}}"#,
             code: .missingField, field: "spec.data.hash"),
        Case(name: "signature not base64", json: hashedRekord(content: #""not base64!""#),
             code: .invalidValue, field: "spec.signature.content"),
        Case(name: "signature in URL-safe base64", json: hashedRekord(content: #""MEU-_w==""#),
             code: .invalidValue, field: "spec.signature.content"),
        Case(name: "signature without padding", json: hashedRekord(content: #""MEUCIQ""#),
             code: .invalidValue, field: "spec.signature.content"),
        Case(name: "empty signature", json: hashedRekord(content: #""""#), code: .invalidValue, field: "spec.signature.content"),
        Case(name: "missing public key", json: hashedRekord(key: "{}"), code: .missingField, field: "spec.signature.publicKey.content"),
        Case(name: "dsse with proposed content stored",
             json: String(dsseStored.dropLast(2)) + #","proposedContent":{"envelope":"{}","verifiers":[]}}}"#,
             code: .unknownField, field: "spec.proposedContent"),
        Case(name: "dsse with sha384 envelope hash",
             json: dsseStored.replacingOccurrences(of: #""envelopeHash":{"algorithm":"sha256","value":"\#(digest)"}"#,
                                                   with: #""envelopeHash":{"algorithm":"sha384","value":"\#(String(repeating: "ab", count: 48))"}"#),
             code: .invalidValue, field: "spec.envelopeHash.algorithm"),
        Case(name: "dsse without signatures",
             json: dsseStored.replacingOccurrences(of: #"[{"signature":"MEUC","verifier":"\#(pem)"}]"#, with: "[]"),
             code: .invalidValue, field: "spec.signatures"),
        Case(name: "dsse signature missing verifier",
             json: dsseStored.replacingOccurrences(of: #","verifier":"\#(pem)""#, with: ""),
             code: .missingField, field: "spec.signatures[0].verifier"),
        Case(name: "v2 spec without an entry", json: #"{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{}}"#,
             code: .missingField, field: "spec.hashedRekordV002"),
        Case(name: "v2 hashedrekord holding a dsse spec",
             json: #"{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{"dsseV002":{"payloadHash":{"algorithm":"SHA2_256","digest":"AA=="},"signatures":[{"content":"AA==","verifier":{"publicKey":{"rawBytes":"AA=="}}}]}}}"#,
             code: .invalidValue, field: "spec"),
        Case(name: "v2 verifier with both keys",
             json: #"{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{"hashedRekordV002":{"data":{"algorithm":"SHA2_256","digest":"AA=="},"signature":{"content":"AA==","verifier":{"publicKey":{"rawBytes":"AA=="},"x509Certificate":{"rawBytes":"AA=="}}}}}}"#,
             code: .invalidValue, field: "spec.hashedRekordV002.signature.verifier.x509Certificate"),
        Case(name: "v2 unknown member",
             json: #"{"apiVersion":"0.0.2","kind":"hashedrekord","spec":{"hashedRekordV002":{"data":{"algorithm":"SHA2_256","digest":"AA=="},"signature":{"content":"AA==","verifier":{"publicKey":{"rawBytes":"AA=="}}},"extra":1}}}"#,
             code: .unknownField, field: "spec.hashedRekordV002.extra"),
        Case(name: "not JSON", json: "{", code: .malformedJSON, field: ""),
    ]

    @Test(arguments: entryCases.dropFirst())
    func rejectsMalformedEntry(_ input: Case) {
        let error = #expect(throws: ModelError.self) { try RekorEntry(decoding: Array(input.json.utf8)) }
        #expect(error?.code == input.code, "\(String(describing: error))")
        #expect(error?.field == input.field, "\(String(describing: error))")
    }

    @Test func baselinesAreValid() throws {
        #expect(try RekorEntry(decoding: Array(Self.hashedRekord().utf8)).kind == "hashedrekord")
        #expect(try RekorEntry(decoding: Array(Self.dsseStored.utf8)).kind == "dsse")
        #expect(try ProposedEntry(decoding: Array(Self.hashedRekord().utf8)).kind == "hashedrekord")
    }

    static let proposalCases: [Case] = [
        Case(name: "intoto is not accepted for logging",
             json: #"{"apiVersion":"0.0.2","kind":"intoto","spec":{"content":{}}}"#, code: .unsupportedEntryKind, field: "kind"),
        Case(name: "dsse proposal carrying stored fields", json: dsseStored, code: .missingField, field: "spec.proposedContent"),
        Case(name: "dsse proposal with stored fields beside proposedContent",
             json: #"{"apiVersion":"0.0.1","kind":"dsse","spec":{"proposedContent":{"envelope":"{}","verifiers":["\#(pem)"]},"signatures":[]}}"#,
             code: .invalidValue, field: "spec.signatures"),
        Case(name: "dsse proposal without verifiers",
             json: #"{"apiVersion":"0.0.1","kind":"dsse","spec":{"proposedContent":{"envelope":"{}","verifiers":[]}}}"#,
             code: .invalidValue, field: "spec.proposedContent.verifiers"),
        Case(name: "dsse proposal with a verifier that is not base64",
             json: #"{"apiVersion":"0.0.1","kind":"dsse","spec":{"proposedContent":{"envelope":"{}","verifiers":["%%"]}}}"#,
             code: .invalidValue, field: "spec.proposedContent.verifiers[0]"),
        Case(name: "dsse proposal with an empty envelope",
             json: #"{"apiVersion":"0.0.1","kind":"dsse","spec":{"proposedContent":{"envelope":"","verifiers":["\#(pem)"]}}}"#,
             code: .invalidValue, field: "spec.proposedContent.envelope"),
    ]

    @Test(arguments: proposalCases)
    func rejectsMalformedProposal(_ input: Case) {
        let error = #expect(throws: ModelError.self) { try ProposedEntry(decoding: Array(input.json.utf8)) }
        #expect(error?.code == input.code, "\(String(describing: error))")
        #expect(error?.field == input.field, "\(String(describing: error))")
    }

    static let badEnvelopes: [(String, [String], String)] = [
        ("not json", ["K"], "proposedContent.envelope"),
        (#"{"payloadType":"t","signatures":[{"sig":"YQ=="}]}"#, ["K"], "proposedContent.envelope.payload"),
        (#"{"payload":"aGk=","signatures":[{"sig":"YQ=="}]}"#, ["K"], "proposedContent.envelope.payloadType"),
        (#"{"payload":"aGk=","payloadType":"t","signatures":[]}"#, [], "proposedContent.envelope.signatures"),
        (#"{"payload":"aGk=","payloadType":"t","signatures":[{"keyid":"k"}]}"#, ["K"], "proposedContent.envelope.signatures[0].sig"),
        (#"{"payload":"aGk=","payloadType":"t","signatures":[{"sig":"YQ=="}]}"#, ["K", "L"], "proposedContent.verifiers"),
    ]

    @Test(arguments: badEnvelopes)
    func dsseBuilderRejectsBadEnvelopes(_ envelope: String, _ verifiers: [String], _ field: String) {
        let proposal = RekorV1.DSSEProposal(envelope: envelope, verifiers: [[1]])
        let error = #expect(throws: ModelError.self) {
            try RekorV1.DSSEEntry(proposal: proposal, canonicalVerifiers: verifiers)
        }
        #expect(error?.code == .invalidValue)
        #expect(error?.field == field)
    }

    @Test func hashLengthIsCheckedOnConstruction() {
        #expect(throws: ModelError.self) { try RekorHash(algorithm: .sha384, digest: [UInt8](repeating: 0, count: 32)) }
        #expect(RekorHash.Algorithm.allCases.map(\.digestByteCount) == [32, 48, 64])
    }
}
