import Crypto
import Foundation
import Testing

@testable import SigstoreModels

@Suite("Rekor v2 requests")
struct RekorV2RequestTests {
    /// The §5.1 request shape, with the staging bundle's real values.
    static func stagingRequestJSON(digest: String? = nil, keyDetails: String = "PKIX_ECDSA_P256_SHA_256",
                                   extra: String = "") throws -> String {
        let bundle = try RealBundle("staging-rekor-v2.txt.sigstore.json")
        let digest = digest ?? ProtoBase64.encode(bundle.messageDigest)
        return #"{"hashedRekordRequestV002":{"digest":"\#(digest)","signature":{"content":"\#(ProtoBase64.encode(bundle.signature))","verifier":{"x509Certificate":{"rawBytes":"\#(ProtoBase64.encode(bundle.certificate))"},"keyDetails":"\#(keyDetails)"}}\#(extra)}}"#
    }

    /// What a client posts becomes, after the log's checks, exactly the entry staging logged.
    @Test func requestBecomesTheLoggedEntry() throws {
        let bundle = try RealBundle("staging-rekor-v2.txt.sigstore.json")
        guard case .hashedRekord(let request) = try RekorV2.CreateEntryRequest(decoding: Array(Self.stagingRequestJSON().utf8))
        else {
            Issue.record("expected a hashedrekord request")
            return
        }
        let entry = try RekorV2.HashedRekordLogEntry(request: request)
        #expect(try RekorEntry.hashedRekordV002(entry).canonicalBody() == bundle.body)
        // And the client's own encoding reads back unchanged.
        let encoded = try RekorV2.CreateEntryRequest.hashedRekord(request).encoded()
        #expect(try RekorV2.CreateEntryRequest(decoding: encoded) == .hashedRekord(request))
        #expect(String(decoding: encoded, as: UTF8.self).hasPrefix(#"{"hashedRekordRequestV002":{"digest":""#))
    }

    /// protobuf-JSON readers accept URL-safe and unpadded base64 and snake_case names; the log
    /// entry is still written in the one canonical form.
    @Test func lenientSpellingsYieldTheCanonicalEntry() throws {
        let bundle = try RealBundle("staging-rekor-v2.txt.sigstore.json")
        let urlSafe = ProtoBase64.encode(bundle.messageDigest)
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
        let json = try Self.stagingRequestJSON(digest: urlSafe).replacingOccurrences(of: "keyDetails", with: "key_details")
        guard case .hashedRekord(let request) = try RekorV2.CreateEntryRequest(decoding: Array(json.utf8)) else {
            Issue.record("expected a hashedrekord request")
            return
        }
        #expect(try RekorEntry.hashedRekordV002(RekorV2.HashedRekordLogEntry(request: request)).canonicalBody() == bundle.body)
    }

    static let keyDetailsTable: [(String, ProtoHashAlgorithm?)] = [
        ("PKIX_ECDSA_P256_SHA_256", .sha2_256), ("PKIX_ECDSA_P384_SHA_384", .sha2_384),
        ("PKIX_ECDSA_P521_SHA_512", .sha2_512), ("PKIX_ED25519_PH", .sha2_512),
        ("PKIX_RSA_PKCS1V15_2048_SHA256", .sha2_256), ("PKIX_RSA_PKCS1V15_3072_SHA256", .sha2_256),
        ("PKIX_RSA_PKCS1V15_4096_SHA256", .sha2_256), ("PKIX_RSA_PSS_2048_SHA256", .sha2_256),
        ("PKIX_RSA_PSS_3072_SHA256", .sha2_256), ("PKIX_RSA_PSS_4096_SHA256", .sha2_256),
        ("PKIX_ED25519", nil), ("PKIX_ECDSA_P384_SHA_256", nil), ("PKIX_RSA_PKCS1V5", nil),
        ("PUBLIC_KEY_DETAILS_UNSPECIFIED", nil), ("LMS_SHA256", nil),
    ]

    @Test(arguments: keyDetailsTable)
    func dataAlgorithmFollowsKeyDetails(_ keyDetails: String, _ expected: ProtoHashAlgorithm?) throws {
        if let expected {
            #expect(try RekorV2.hashAlgorithm(forKeyDetails: keyDetails) == expected)
        } else {
            let error = #expect(throws: ModelError.self) { try RekorV2.hashAlgorithm(forKeyDetails: keyDetails) }
            #expect(error?.code == .invalidValue)
        }
    }

    @Test func digestLengthMustMatchKeyDetails() throws {
        let request = RekorV2.HashedRekordRequest(
            digest: [UInt8](repeating: 1, count: 32),
            signature: .init(content: [1], verifier: .init(key: .publicKey([1]), keyDetails: "PKIX_ECDSA_P384_SHA_384")))
        let error = #expect(throws: ModelError.self) { try RekorV2.HashedRekordLogEntry(request: request) }
        #expect(error?.field == "digest")
        var p384 = request
        p384.digest = [UInt8](repeating: 1, count: 48)
        #expect(try RekorV2.HashedRekordLogEntry(request: p384).data.algorithm == .sha2_384)
    }

    @Test func dssePAEDigestUsesTheKeyDetailsHash() throws {
        let envelope = DSSEEnvelope(payload: Array("hello".utf8), payloadType: "text/plain", signatures: [])
        let pae = Array("DSSEv1 10 text/plain 5 hello".utf8)
        let p384 = try RekorV2.HashedRekordRequest(
            envelope: envelope, signature: [9], verifier: .init(key: .publicKey([1]), keyDetails: "PKIX_ECDSA_P384_SHA_384"))
        #expect(p384.digest == Array(SHA384.hash(data: pae)))
        #expect(p384.signature.content == [9])
        #expect(throws: ModelError.self) {
            try RekorV2.HashedRekordRequest(envelope: envelope, signature: [9],
                                            verifier: .init(key: .publicKey([1]), keyDetails: "PKIX_ED25519"))
        }
    }

    @Test func deprecatedDSSERequestsAreRead() throws {
        let bundle = try RealBundle("a.dsse.staging-rekor-v2.txt.sigstore.json")
        let json = #"{"dsseRequestV002":{"envelope":\#(String(decoding: try CanonicalJSON.serialize(bundle.envelope), as: UTF8.self)),"verifiers":[{"x509Certificate":{"rawBytes":"\#(ProtoBase64.encode(bundle.certificate))"},"keyDetails":"PKIX_ECDSA_P256_SHA_256"}]}}"#
        guard case .dsse(let request) = try RekorV2.CreateEntryRequest(decoding: Array(json.utf8)) else {
            Issue.record("expected a dsse request")
            return
        }
        #expect(request.envelope.payload == bundle.payload)
        #expect(request.verifiers.first?.key == .x509Certificate(bundle.certificate))
    }

    @Test func invalidRequestsAreRejected() throws {
        let cases: [(String, ModelError.Code)] = [
            ("{}", .missingField),
            (#"{"hashedRekordRequestV0_0_2":{}}"#, .unknownField),
            (try Self.stagingRequestJSON(extra: #","extra":1"#), .unknownField),
            (#"{"hashedRekordRequestV002":{"digest":"AA==","signature":{"content":"AA==","verifier":{"keyDetails":"PKIX_ED25519_PH"}}}}"#, .missingField),
            (#"{"hashedRekordRequestV002":{"digest":"AA==","signature":{"content":"AA==","verifier":{"publicKey":{"rawBytes":"AA=="}}}},"dsseRequestV002":{}}"#, .invalidValue),
            (#"{"hashedRekordRequestV002":{"digest":"%%","signature":{"content":"AA==","verifier":{"publicKey":{"rawBytes":"AA=="}}}}}"#, .invalidValue),
            (#"{"hashedRekordRequestV002":{"signature":{"content":"AA==","verifier":{"publicKey":{"rawBytes":"AA=="}}}}}"#, .missingField),
            (#"{"hashedRekordRequestV002":{"digest":"AA==","digest":"AA=="}}"#, .malformedJSON),
            (#"{"dsseRequestV002":{"envelope":{"payload":"AA==","payloadType":"t","signatures":[]},"verifiers":[]}}"#, .missingField),
        ]
        for (json, code) in cases {
            let error = #expect(throws: ModelError.self, "\(json)") { try RekorV2.CreateEntryRequest(decoding: Array(json.utf8)) }
            #expect(error?.code == code, "\(json): \(String(describing: error))")
        }
    }
}
