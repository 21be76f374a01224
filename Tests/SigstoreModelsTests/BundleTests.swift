import Foundation
import Testing
import SigstoreModels

/// What each real bundle in `Fixtures/bundles/` must decode to.
struct BundleFixture: Sendable, CustomTestStringConvertible {
    enum Signer: Sendable { case chain, certificate, publicKey(hint: String) }

    var file: String
    var version: SigstoreBundle.Version
    var signer: Signer
    var isDSSE: Bool
    var kind: String?
    var logIndex: Int64 = 0
    var integratedTime: Int64 = 0
    var hasPromise = false
    var proof: (logIndex: Int64, treeSize: Int64, hashes: Int)?
    var timestamps = 0

    var testDescription: String { file }

    var path: String { "bundles/" + file }

    static let all: [BundleFixture] = [
        .init(file: "v0.1-staging-x509chain.sigstore.json", version: .v0_1, signer: .chain, isDSSE: false,
              kind: "hashedrekord 0.0.1", logIndex: 7_390_977, integratedTime: 1_682_468_469, hasPromise: true,
              proof: (7_376_158, 7_376_159, 11)),
        .init(file: "v0.1-public-good-npm-publish-dsse.sigstore.json", version: .v0_1,
              signer: .publicKey(hint: "SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA"), isDSSE: true,
              kind: "intoto 0.0.2", logIndex: 18_300_940, integratedTime: 1_681_839_916, hasPromise: true),
        .init(file: "managed-key-v0.1-empty-lists.sigstore.json", version: .v0_1,
              signer: .publicKey(hint: "9a76331edc1cfd3933040996615b1c06adbe6f9b4f11df4106dcceb66e3bdb1b"), isDSSE: true),
        .init(file: "v0.2-public-good-github.sigstore.json", version: .v0_2, signer: .chain, isDSSE: false,
              kind: "hashedrekord 0.0.1", logIndex: 79_605_083, integratedTime: 1_710_888_076, hasPromise: true,
              proof: (75_441_652, 75_441_653, 16)),
        .init(file: "v0.3-staging-message.sigstore.json", version: .v0_3, signer: .certificate, isDSSE: false,
              kind: "hashedrekord 0.0.1", logIndex: 25_915_956, integratedTime: 1_712_085_549, hasPromise: true,
              proof: (25_901_137, 25_901_138, 11)),
        .init(file: "v0.3-staging-rekor-v2.sigstore.json", version: .v0_3, signer: .certificate, isDSSE: false,
              kind: "hashedrekord 0.0.2", logIndex: 645, proof: (645, 646, 4), timestamps: 1),
        .init(file: "v0.3-staging-rekor-v2-dsse.sigstore.json", version: .v0_3, signer: .certificate, isDSSE: true,
              kind: "dsse 0.0.2", logIndex: 689, proof: (689, 690, 5), timestamps: 1),
        .init(file: "v0.3-public-good-dsse-hashedrekord.sigstore.json", version: .v0_3, signer: .certificate, isDSSE: true,
              kind: "hashedrekord 0.0.1", logIndex: 1_525_557_801, integratedTime: 1_778_701_653, hasPromise: true,
              proof: (1_403_653_539, 1_403_653_554, 18), timestamps: 1),
    ]
}

@Suite struct BundleTests {
    @Test(arguments: BundleFixture.all)
    func decodesRealBundles(fixture: BundleFixture) throws {
        let bundle = try ProtoFixture.decode(SigstoreBundle.self, fixture.path)
        #expect(bundle.version == fixture.version)
        let material = bundle.verificationMaterial
        switch (fixture.signer, material.content) {
        case (.chain, .x509CertificateChain(let chain)):
            #expect(chain.certificates.count == 1)
            #expect(material.leafCertificate == chain.certificates.first)
        case (.certificate, .certificate(let certificate)):
            #expect(material.leafCertificate == certificate)
        case (.publicKey(let hint), .publicKey(let identifier)):
            #expect(identifier.hint == hint)
            #expect(material.leafCertificate == nil)
        default:
            Issue.record("unexpected signer material \(String(describing: material.content))")
        }
        // Every certificate is DER: a SEQUENCE with a two-byte length.
        #expect(material.leafCertificate.map { $0.rawBytes.starts(with: [0x30, 0x82]) } ?? true)
        #expect((bundle.dsseEnvelope != nil) == fixture.isDSSE)
        #expect((bundle.messageSignature != nil) == !fixture.isDSSE)
        if let signature = bundle.messageSignature {
            #expect(signature.messageDigest?.algorithm == .sha2_256)
            #expect(signature.messageDigest?.digest.count == 32)
            #expect(signature.signature.first == 0x30)
        }
        #expect(material.rfc3161Timestamps.count == fixture.timestamps)
        #expect(material.rfc3161Timestamps.allSatisfy { $0.signedTimestamp.first == 0x30 })

        guard let kind = fixture.kind else {
            #expect(material.tlogEntries.isEmpty)
            return
        }
        let entry = try #require(material.tlogEntries.first)
        #expect(material.tlogEntries.count == 1)
        #expect("\(entry.kindVersion.kind) \(entry.kindVersion.version)" == kind)
        #expect(entry.logIndex == fixture.logIndex)
        #expect(entry.integratedTime == fixture.integratedTime)
        #expect(entry.logId.keyId.count == 32)
        #expect((entry.inclusionPromise != nil) == fixture.hasPromise)
        #expect(entry.canonicalizedBody.first == UInt8(ascii: "{"))
        if let expected = fixture.proof {
            let proof = try #require(entry.inclusionProof)
            #expect(proof.logIndex == expected.logIndex)
            #expect(proof.treeSize == expected.treeSize)
            #expect(proof.hashes.count == expected.hashes)
            #expect(try #require(proof.checkpoint).envelope.contains("\n\(expected.treeSize)\n\(ProtoBase64.encode(proof.rootHash))\n"))
        } else {
            #expect(entry.inclusionProof == nil)
        }
    }

    @Test(arguments: BundleFixture.all)
    func roundTripsRealBundles(fixture: BundleFixture) throws {
        let original = try ProtoFixture.bytes(fixture.path)
        let bundle = try ProtoJSON.decode(SigstoreBundle.self, from: original)
        let written = try ProtoJSON.encode(bundle)
        #expect(try ProtoJSON.decode(SigstoreBundle.self, from: written) == bundle)
        #expect(try ProtoJSON.encode(ProtoJSON.decode(SigstoreBundle.self, from: written)) == written)
        #expect(try ProtoJSON.encode(ProtoJSON.decode(SigstoreBundle.self, from: ProtoJSON.encode(bundle, pretty: true))) == written)
        // Nothing lost or invented: the same JSON as the original, once the members proto3
        // writers may drop (null, empty) are set aside.
        #expect(try ProtoFixture.normalizedJSON(written) == ProtoFixture.normalizedJSON(original))
    }

    @Test(arguments: BundleFixture.all)
    func writesInt64AsStringsAndMediaTypeFirst(fixture: BundleFixture) throws {
        let written = try ProtoJSON.encode(ProtoFixture.decode(SigstoreBundle.self, fixture.path))
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.hasPrefix(#"{"mediaType":""#))
        for name in ["logIndex", "integratedTime", "treeSize"] {
            #expect(try !text.contains(Regex("\"\(name)\":[-0-9]")), "\(name) written as a number")
        }
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written)) as? [String: Any])
        let material = try #require(object["verificationMaterial"] as? [String: Any])
        for entry in material["tlogEntries"] as? [[String: Any]] ?? [] {
            #expect(entry["logIndex"] is String)
            #expect(entry["canonicalizedBody"] is String)
        }
    }

    @Test func keepsTheLegacyV03Spelling() throws {
        let text = try ProtoFixture.text("bundles/v0.3-staging-message.sigstore.json")
            .replacingOccurrences(of: MediaType.bundleV03, with: MediaType.bundleV03Legacy)
        let bundle = try ProtoJSON.decode(SigstoreBundle.self, from: Array(text.utf8))
        #expect(bundle.version == .v0_3)
        #expect(bundle.mediaType == MediaType.bundleV03Legacy)
        #expect(String(decoding: try ProtoJSON.encode(bundle), as: UTF8.self).contains(MediaType.bundleV03Legacy))
        try bundle.validate()
    }

    @Test(arguments: BundleFixture.all)
    func readsSnakeCaseNames(fixture: BundleFixture) throws {
        let original = try ProtoFixture.bytes(fixture.path)
        func snake(_ value: Any) -> Any {
            switch value {
            case let object as [String: Any]:
                var result: [String: Any] = [:]
                for (key, member) in object {
                    // `payloadType` is spelled that way in envelope.proto, so it has no snake form.
                    let name = key == "payloadType" ? key : key.reduce(into: "") { text, character in
                        text += character.isUppercase ? "_" + character.lowercased() : String(character)
                    }
                    result[name] = snake(member)
                }
                return result
            case let array as [Any]: return array.map(snake)
            default: return value
            }
        }
        let snakeCase = try JSONSerialization.data(withJSONObject: snake(JSONSerialization.jsonObject(with: Data(original))))
        #expect(String(decoding: snakeCase, as: UTF8.self).contains("\"verification_material\""))
        #expect(try ProtoJSON.decode(SigstoreBundle.self, from: snakeCase) == ProtoJSON.decode(SigstoreBundle.self, from: original))
    }

    @Test func buildsAndWritesAV03Bundle() throws {
        let entry = TransparencyLogEntry(
            logIndex: 7, logId: LogId(keyId: [UInt8](repeating: 0xAB, count: 32)),
            kindVersion: .init(kind: "hashedrekord", version: "0.0.1"), integratedTime: 1_767_225_600,
            inclusionPromise: .init(signedEntryTimestamp: [0x30, 0x00]),
            inclusionProof: .init(logIndex: 7, rootHash: [UInt8](repeating: 1, count: 32), treeSize: 8,
                                  hashes: (0..<3).map { [UInt8](repeating: $0, count: 32) },
                                  checkpoint: .init(envelope: "localhost - 1\n8\nAQ==\n\n\u{2014} localhost AAAA\n")),
            canonicalizedBody: Array("{}".utf8)
        )
        let bundle = SigstoreBundle(
            verificationMaterial: .init(
                content: .certificate(X509Certificate(rawBytes: [0x30, 0x82, 0x01, 0x00])), tlogEntries: [entry],
                timestampVerificationData: .init(rfc3161Timestamps: [.init(signedTimestamp: [0x30, 0x03])])
            ),
            content: .messageSignature(.init(messageDigest: HashOutput(algorithm: .sha2_256, digest: [0xFF]), signature: [0x30]))
        )
        try bundle.validate()
        #expect(bundle.mediaType == MediaType.bundleV03)
        let text = String(decoding: try ProtoJSON.encode(bundle), as: UTF8.self)
        #expect(text == #"{"mediaType":"application/vnd.dev.sigstore.bundle.v0.3+json","verificationMaterial":{"certificate":{"rawBytes":"MIIBAA=="},"tlogEntries":[{"logIndex":"7","logId":{"keyId":"q6urq6urq6urq6urq6urq6urq6urq6urq6urq6urq6s="},"kindVersion":{"kind":"hashedrekord","version":"0.0.1"},"integratedTime":"1767225600","inclusionPromise":{"signedEntryTimestamp":"MAA="},"inclusionProof":{"logIndex":"7","rootHash":"AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=","treeSize":"8","hashes":["AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=","AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE=","AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI="],"checkpoint":{"envelope":"localhost - 1\n8\nAQ==\n\n— localhost AAAA\n"}},"canonicalizedBody":"e30="}],"timestampVerificationData":{"rfc3161Timestamps":[{"signedTimestamp":"MAM="}]}},"messageSignature":{"messageDigest":{"algorithm":"SHA2_256","digest":"/w=="},"signature":"MA=="}}"#)
        #expect(try ProtoJSON.decode(SigstoreBundle.self, from: Array(text.utf8)) == bundle)
    }

    @Test func refusesUnknownMediaTypesWhenBuilt() {
        expectModelError(.unsupportedMediaType, field: "mediaType") {
            _ = try SigstoreBundle(
                mediaType: "application/vnd.dev.sigstore.bundle.v0.4+json", verificationMaterial: .init(content: nil), content: nil
            )
        }
    }
}
