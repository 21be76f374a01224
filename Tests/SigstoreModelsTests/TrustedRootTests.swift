import Foundation
import Testing
import SigstoreModels

@Suite struct TrustedRootTests {
    @Test func decodesThePublicGoodTrustedRoot() throws {
        let root = try ProtoFixture.decode(TrustedRoot.self, "public-good-trusted-root.json")
        #expect(root.tlogs.count == 2)
        #expect(root.certificateAuthorities.count == 2)
        #expect(root.ctlogs.count == 2)
        #expect(root.timestampAuthorities.count == 1)

        let rekor = root.tlogs[0]
        #expect(rekor.baseUrl == "https://rekor.sigstore.dev")
        #expect(rekor.hashAlgorithm == .sha2_256)
        #expect(rekor.logId?.keyId == ProtoBase64.decode("wNI9atQGlz+VWfO6LRygH4QUfY/8W4RFwiT5i5WRgB0="))
        #expect(rekor.publicKey?.keyDetails == "PKIX_ECDSA_P256_SHA_256")
        #expect(rekor.publicKey?.rawBytes?.count == 91)
        #expect(rekor.publicKey?.validFor == TimeRange(start: ProtoTimestamp(seconds: 1_610_452_407)))
        #expect(root.tlogs[1].baseUrl == "https://log2025-1.rekor.sigstore.dev")
        #expect(root.tlogs[1].publicKey?.keyDetails == "PKIX_ED25519")
        #expect(root.tlogs[1].publicKey?.rawBytes?.count == 44)

        let firstCA = root.certificateAuthorities[0]
        #expect(firstCA.subject == TrustedRoot.DistinguishedName(organization: "sigstore.dev", commonName: "sigstore"))
        #expect(firstCA.uri == "https://fulcio.sigstore.dev")
        #expect(firstCA.certChain?.certificates.count == 1)
        #expect(firstCA.validFor?.end == ProtoTimestamp(rfc3339: "2022-12-31T23:59:59.999Z"))
        #expect(root.certificateAuthorities[1].certChain?.certificates.count == 2)
        #expect(root.certificateAuthorities[1].validFor?.end == nil)

        // The first CT log's validity ends at a millisecond, inclusively.
        let ctlog = try #require(root.ctlogs[0].publicKey?.validFor)
        #expect(ctlog.end == ProtoTimestamp(seconds: 1_667_260_799, nanos: 999_000_000))
        #expect(ctlog.contains(ProtoTimestamp(seconds: 1_667_260_799, nanos: 999_000_000)))
        #expect(!ctlog.contains(ProtoTimestamp(seconds: 1_667_260_800)))
        #expect(ctlog.contains(Date(timeIntervalSince1970: 1_615_680_000)))
        #expect(!ctlog.contains(Date(timeIntervalSince1970: 1_615_679_999)))
        #expect(root.ctlogs[1].logId?.keyId == ProtoBase64.decode("3T0wasbHETJjGR4cmWc3AqJKXrjePK3/h4pygC8p7o4="))

        let tsa = root.timestampAuthorities[0]
        #expect(tsa.subject?.commonName == "sigstore-tsa-selfsigned")
        #expect(tsa.uri == "https://timestamp.sigstore.dev/api/v1/timestamp")
        #expect(tsa.certChain?.certificates.count == 2)
        #expect(tsa.validFor?.start?.rfc3339 == "2025-07-04T00:00:00Z")
    }

    @Test func decodesTheStagingTrustedRoot() throws {
        let root = try ProtoFixture.decode(TrustedRoot.self, "staging-trusted-root.json")
        #expect(root.tlogs.count == 4)
        #expect(root.certificateAuthorities.count == 1)
        #expect(root.ctlogs.count == 4)
        #expect(root.timestampAuthorities.count == 1)
        #expect(root.tlogs.map(\.baseUrl) == [
            "https://rekor.sigstage.dev", "https://log2025-alpha1.rekor.sigstage.dev",
            "https://log2025-alpha2.rekor.sigstage.dev", "https://log2025-alpha3.rekor.sigstage.dev",
        ])
        #expect(root.ctlogs[0].publicKey?.keyDetails == "PKCS1_RSA_PKCS1V5")
        #expect(root.tlogs[1].publicKey?.validFor?.end?.rfc3339 == "2025-09-04T00:00:00Z")
    }

    @Test(arguments: ["public-good-trusted-root.json", "staging-trusted-root.json"])
    func roundTrips(file: String) throws {
        let original = try ProtoFixture.bytes(file)
        let root = try ProtoJSON.decode(TrustedRoot.self, from: original)
        let written = try ProtoJSON.encode(root)
        #expect(try ProtoJSON.decode(TrustedRoot.self, from: written) == root)
        #expect(try ProtoJSON.encode(ProtoJSON.decode(TrustedRoot.self, from: written)) == written)
        // Equal to the original once its `.000Z` timestamps are written the short way.
        let shortened = String(decoding: original, as: UTF8.self).replacingOccurrences(of: ".000Z", with: "Z")
        #expect(try ProtoFixture.normalizedJSON(written) == ProtoFixture.normalizedJSON(Array(shortened.utf8)))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.hasPrefix(#"{"mediaType":"application/vnd.dev.sigstore.trustedroot+json;version=0.1","tlogs":[{"baseUrl":"#))
    }

    @Test(arguments: [
        MediaType.trustedRootV01, MediaType.trustedRootV01Alternate, MediaType.trustedRootV02, MediaType.trustedRootV02Legacy,
    ])
    func readsEveryTrustedRootSpellingAndWritesV01(mediaType: String) throws {
        let text = try ProtoFixture.text("public-good-trusted-root.json")
            .replacingOccurrences(of: MediaType.trustedRootV01, with: mediaType)
        let root = try ProtoJSON.decode(TrustedRoot.self, from: Array(text.utf8))
        #expect(root.tlogs.count == 2)
        #expect(String(decoding: try ProtoJSON.encode(root), as: UTF8.self).contains(MediaType.trustedRootV01))
    }

    @Test(arguments: [
        (#""mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1","#,
         #""mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json","#, ModelError.Code.unsupportedMediaType, "mediaType"),
        (#""mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1","#, "", .missingField, "mediaType"),
        (#""keyDetails": "PKIX_ED25519""#, #""keyDetails": "pkix-ed25519""#, .invalidValue, "tlogs[1].publicKey.keyDetails"),
        (#""keyDetails": "PKIX_ED25519""#, #""keyDetails": 99"#, .invalidValue, "tlogs[1].publicKey.keyDetails"),
        (#""keyDetails": "PKIX_ED25519""#, #""keyDetails": true"#, .wrongType, "tlogs[1].publicKey.keyDetails"),
        (#""start": "2025-09-23T00:00:00Z""#, #""start": "2025-09-23""#, .invalidValue, "tlogs[1].publicKey.validFor.start"),
        (#""start": "2025-09-23T00:00:00Z""#, #""start": 1758585600"#, .wrongType, "tlogs[1].publicKey.validFor.start"),
        (#""hashAlgorithm": "SHA2_256","#, #""hashAlgorithm": "SHA2_256", "hashAlgorithms": [],"#, .unknownField, "tlogs[0].hashAlgorithms"),
        (#""commonName": "sigstore-tsa-selfsigned""#, #""commonName": "sigstore-tsa-selfsigned", "country": "US""#,
         .unknownField, "timestampAuthorities[0].subject.country"),
    ] as [(String, String, ModelError.Code, String)])
    func rejectsMalformedRoots(original: String, replacement: String, code: ModelError.Code, field: String) throws {
        let fixture = try ProtoFixture.text("public-good-trusted-root.json")
        let text = fixture.replacingOccurrences(of: original, with: replacement)
        #expect(text != fixture)
        expectModelError(code, field: field) { _ = try ProtoJSON.decode(TrustedRoot.self, from: Array(text.utf8)) }
    }

    @Test func readsKeyDetailsByNumberAndKeepsNewNames() throws {
        let byNumber = #"{"rawBytes":"AQ==","keyDetails":5}"#
        #expect(try ProtoJSON.decode(PublicKeyMaterial.self, from: Array(byNumber.utf8)).keyDetails == "PKIX_ECDSA_P256_SHA_256")
        let future = #"{"keyDetails":"SLH_DSA_SHA2_128S"}"#
        let key = try ProtoJSON.decode(PublicKeyMaterial.self, from: Array(future.utf8))
        #expect(key.keyDetails == "SLH_DSA_SHA2_128S")
        #expect(key.rawBytes == nil)
        let unspecified = try ProtoJSON.decode(PublicKeyMaterial.self, from: Array(#"{"rawBytes":""}"#.utf8))
        #expect(unspecified.keyDetails == PublicKeyMaterial.unspecifiedKeyDetails)
        #expect(unspecified.rawBytes == [])
        // An explicitly empty optional field is written back; an unset enum is not.
        #expect(String(decoding: try ProtoJSON.encode(unspecified), as: UTF8.self) == #"{"rawBytes":""}"#)
    }

    @Test func writesCheckpointKeyIdAndOperatorWhenSet() throws {
        let log = TransparencyLogInstance(
            baseUrl: "http://localhost:8080", publicKey: PublicKeyMaterial(rawBytes: [1], keyDetails: "PKIX_ED25519"),
            logId: LogId(keyId: [2]), checkpointKeyId: LogId(keyId: [3, 4, 5, 6]), operator: "example.test"
        )
        let text = String(decoding: try ProtoJSON.encode(log), as: UTF8.self)
        #expect(text == #"{"baseUrl":"http://localhost:8080","hashAlgorithm":"SHA2_256","publicKey":{"rawBytes":"AQ==","keyDetails":"PKIX_ED25519"},"logId":{"keyId":"Ag=="},"checkpointKeyId":{"keyId":"AwQFBg=="},"operator":"example.test"}"#)
        #expect(try ProtoJSON.decode(TransparencyLogInstance.self, from: Array(text.utf8)) == log)
    }
}
