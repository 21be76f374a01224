@testable import CAService
import Foundation
import Testing

@Suite struct SigningCertificateRequestTests {
    static let csrPEM = Array("-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n-----END CERTIFICATE REQUEST-----\n".utf8)
    static let csr = Data(csrPEM).base64EncodedString()

    /// What sigstore-python sends: only the CSR, base64 of the PEM text; the token is in the header.
    @Test func readsTheCSRForm() throws {
        let request = try SigningCertificateRequest(jsonEncoded: Array(#"{"certificateSigningRequest":"\#(Self.csr)"}"#.utf8))
        #expect(request.identityToken == nil)
        #expect(request.keyMaterial == .certificateSigningRequest(Self.csrPEM))
    }

    /// What sigstore-go sends: a PEM key and a signature over the challenge.
    @Test func readsThePublicKeyForm() throws {
        let json = #"""
            {"credentials":{"oidcIdentityToken":"eyJ.x.y"},
             "publicKeyRequest":{"publicKey":{"algorithm":"ECDSA","content":"-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n"},
                                 "proofOfPossession":"AQID"}}
            """#
        let request = try SigningCertificateRequest(jsonEncoded: Array(json.utf8))
        #expect(request.identityToken == "eyJ.x.y")
        #expect(request.keyMaterial == .publicKey(content: Array("-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n".utf8), proofOfPossession: [1, 2, 3]))
    }

    /// Protobuf JSON readers accept the original field names, URL-safe and unpadded base64, enum
    /// numbers, `null` for unset, and DER keys carried as base64 in `content`.
    @Test func acceptsEveryProtobufJSONSpelling() throws {
        let json = #"""
            {"credentials":{"oidc_identity_token":"t"},"certificate_signing_request":null,
             "public_key_request":{"public_key":{"algorithm":2,"content":"MFkwEw"},"proof_of_possession":"-_8"}}
            """#
        let request = try SigningCertificateRequest(jsonEncoded: Array(json.utf8))
        #expect(request.identityToken == "t")
        #expect(request.keyMaterial == .publicKey(content: [0x30, 0x59, 0x30, 0x13], proofOfPossession: [0xFB, 0xFF]))
    }

    @Test func anEmptyBodyTokenDefersToTheHeader() throws {
        let request = try SigningCertificateRequest(jsonEncoded: Array(#"{"credentials":{"oidcIdentityToken":""},"certificateSigningRequest":"\#(Self.csr)"}"#.utf8))
        #expect(request.identityToken == nil)
    }

    @Test(arguments: [
        ("", "not JSON"),
        ("{", "not JSON"),
        ("[]", "must be a JSON object"),
        ("{}", "neither"),
        (#"{"credentials":{"oidcIdentityToken":"t"}}"#, "neither"),
        (#"{"certificateSigningRequest":"\#(csr)","publicKeyRequest":{"publicKey":{"content":"k"},"proofOfPossession":"AQ=="}}"#, "not both"),
        (#"{"certificateSigningRequest":"\#(csr)","certificate_signing_request":"\#(csr)"}"#, "sets both"),
        (#"{"certificateSigningRequest":"\#(csr)","extra":1}"#, "unknown field 'extra'"),
        (#"{"certificateSigningRequest":"\#(csr)","credentials":{"token":"t"}}"#, "unknown field 'token'"),
        (#"{"certificateSigningRequest":"***"}"#, "not base64"),
        (#"{"certificateSigningRequest":"A"}"#, "not base64"),
        (#"{"certificateSigningRequest":""}"#, "is empty"),
        (#"{"certificateSigningRequest":42}"#, "base64 string"),
        (#"{"publicKeyRequest":{"proofOfPossession":"AQ=="}}"#, "content is missing"),
        (#"{"publicKeyRequest":{"publicKey":{"content":"k"}}}"#, "proofOfPossession is missing"),
        (#"{"publicKeyRequest":{"publicKey":{"content":"k","algorithm":true},"proofOfPossession":"AQ=="}}"#, "enum"),
        (#"{"publicKeyRequest":{"publicKey":{"content":"k"},"proofOfPossession":"AQ==","x":1}}"#, "unknown field 'x'"),
        (#"{"credentials":"t","certificateSigningRequest":"\#(csr)"}"#, "must be a JSON object"),
    ])
    func refusesMalformedRequests(_ json: String, _ reason: String) {
        let error = #expect(throws: CAError.self) { try SigningCertificateRequest(jsonEncoded: Array(json.utf8)) }
        #expect(error?.code == .invalidRequest)
        #expect(error?.message.contains(reason) == true, "\(error?.message ?? "no error")")
    }

    /// The legacy v1 body: the key's `content` is base64 of PEM or DER, the proof is `signedEmailAddress`.
    @Test func readsTheLegacyForms() throws {
        let pem = "-----BEGIN PUBLIC KEY-----\nMFk=\n-----END PUBLIC KEY-----\n"
        let keyJSON = #"{"publicKey":{"content":"\#(Data(pem.utf8).base64EncodedString())","algorithm":"ecdsa"},"signedEmailAddress":"AQID"}"#
        let keyRequest = try SigningCertificateRequest(legacyJSONEncoded: Array(keyJSON.utf8))
        #expect(keyRequest.keyMaterial == .publicKey(content: Array(pem.utf8), proofOfPossession: [1, 2, 3]))
        let csrRequest = try SigningCertificateRequest(legacyJSONEncoded: Array(#"{"certificateSigningRequest":"\#(Self.csr)"}"#.utf8))
        #expect(csrRequest.keyMaterial == .certificateSigningRequest(Self.csrPEM))

        for bad in [#"{"publicKey":{"content":"AQ=="}}"#, #"{"signedEmailAddress":"AQ=="}"#, #"{"certificateSigningRequest":"\#(Self.csr)","signedEmailAddress":"AQ=="}"#, #"{"credentials":{}}"#] {
            #expect(throws: CAError.self) { try SigningCertificateRequest(legacyJSONEncoded: Array(bad.utf8)) }
        }
    }
}
