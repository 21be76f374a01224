import Foundation
import Testing
import SigstoreModels

/// A change to one member of a real bundle, made on its parsed JSON.
struct BundleEdit: Sendable, CustomTestStringConvertible {
    enum Step: Sendable { case key(String), index(Int) }

    var fixture: String
    var path: [Step]
    var member: String
    /// The new value as JSON text; `nil` removes the member.
    var json: String?
    var code: ModelError.Code?
    var field: String

    var testDescription: String {
        let location = path.map { step in
            switch step {
            case .key(let name): name
            case .index(let index): "[\(index)]"
            }
        }.joined(separator: ".")
        return "\(fixture): \(location).\(member) = \(json ?? "<removed>")"
    }

    func apply() throws -> [UInt8] {
        func edit(_ value: Any, _ steps: ArraySlice<Step>) throws -> Any {
            guard let step = steps.first else {
                var object = try #require(value as? [String: Any])
                object[member] = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8), options: .fragmentsAllowed) }
                return object
            }
            switch step {
            case .key(let name):
                var object = try #require(value as? [String: Any])
                object[name] = try edit(try #require(object[name]), steps.dropFirst())
                return object
            case .index(let index):
                var array = try #require(value as? [Any])
                array[index] = try edit(array[index], steps.dropFirst())
                return array
            }
        }
        let original = try JSONSerialization.jsonObject(with: Data(ProtoFixture.bytes("bundles/" + fixture)))
        return Array(try JSONSerialization.data(withJSONObject: edit(original, path[...])))
    }
}

private let v01 = "v0.1-staging-x509chain.sigstore.json"
private let v02 = "v0.2-public-good-github.sigstore.json"
private let v03 = "v0.3-staging-message.sigstore.json"
private let v03Rekor2 = "v0.3-staging-rekor-v2.sigstore.json"
private let v03DSSE = "v0.3-staging-rekor-v2-dsse.sigstore.json"
private let material: [BundleEdit.Step] = [.key("verificationMaterial")]
private let entry0 = material + [.key("tlogEntries"), .index(0)]
private let proof0 = entry0 + [.key("inclusionProof")]
private let timestamp0 = material + [.key("timestampVerificationData"), .key("rfc3161Timestamps"), .index(0)]
private let entryPath = "verificationMaterial.tlogEntries[0]"

@Suite struct BundleValidationTests {
    static let decodingErrors: [BundleEdit] = [
        // Unknown members, at several depths.
        .init(fixture: v01, path: [], member: "extra", json: "1", code: .unknownField, field: "extra"),
        .init(fixture: v01, path: material, member: "extra", json: "{}", code: .unknownField, field: "verificationMaterial.extra"),
        .init(fixture: v01, path: proof0 + [.key("checkpoint")], member: "note", json: "null",
              code: .unknownField, field: entryPath + ".inclusionProof.checkpoint.note"),
        .init(fixture: v03Rekor2, path: timestamp0, member: "tsa", json: "\"x\"", code: .unknownField,
              field: "verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].tsa"),
        .init(fixture: v03DSSE, path: [.key("dsseEnvelope"), .key("signatures"), .index(0)], member: "keyId", json: "\"k\"",
              code: .unknownField, field: "dsseEnvelope.signatures[0].keyId"),
        // 64-bit integers that are not integers.
        .init(fixture: v01, path: proof0, member: "treeSize", json: "7376159.5", code: .invalidValue, field: entryPath + ".inclusionProof.treeSize"),
        .init(fixture: v01, path: entry0, member: "integratedTime", json: "\"1682468469.0\"", code: .invalidValue, field: entryPath + ".integratedTime"),
        .init(fixture: v01, path: entry0, member: "logIndex", json: "\"7390977x\"", code: .invalidValue, field: entryPath + ".logIndex"),
        .init(fixture: v01, path: entry0, member: "logIndex", json: "7390977", code: nil, field: ""),
        // Bytes that are not base64.
        .init(fixture: v01, path: proof0, member: "rootHash", json: "\"LE67t2Zlc0g35az81xMg0cgM2DULj8fNsGGHTcRthc*=\"",
              code: .invalidValue, field: entryPath + ".inclusionProof.rootHash"),
        .init(fixture: v01, path: [.key("messageSignature"), .key("messageDigest")], member: "digest",
              json: "\"gC3WD/iDM4AvJYXnMEO9IcNBKF4Zkv5bMXVeHK3q4w4==\"", code: .invalidValue, field: "messageSignature.messageDigest.digest"),
        .init(fixture: v01, path: proof0, member: "hashes", json: #"["zgesNHwk09VvW4IDaPrJMtX59glNyyLPzeJO1Gw1hCI=", "a b"]"#,
              code: .invalidValue, field: entryPath + ".inclusionProof.hashes[1]"),
        .init(fixture: v01, path: proof0, member: "rootHash", json: "\"LE67t2Zlc0g35az81xMg0cgM2DULj8fNsGGHTcRthcs\"", code: nil, field: ""),
        .init(fixture: v01, path: proof0, member: "rootHash", json: "\"LE67t2Zlc0g35az81xMg0cgM2DULj8fNsGGHTcRthcs=\"", code: nil, field: ""),
        // Media types.
        .init(fixture: v01, path: [], member: "mediaType", json: "\"application/json\"", code: .unsupportedMediaType, field: "mediaType"),
        .init(fixture: v03, path: [], member: "mediaType", json: "\"application/vnd.dev.sigstore.bundle.v0.4+json\"",
              code: .unsupportedMediaType, field: "mediaType"),
        .init(fixture: v03, path: [], member: "mediaType", json: "\"application/vnd.dev.sigstore.bundle+json;version=0.4\"",
              code: .unsupportedMediaType, field: "mediaType"),
        // Wrong JSON types.
        .init(fixture: v01, path: [], member: "mediaType", json: "3", code: .wrongType, field: "mediaType"),
        .init(fixture: v01, path: [], member: "verificationMaterial", json: "[]", code: .wrongType, field: "verificationMaterial"),
        .init(fixture: v01, path: material, member: "tlogEntries", json: "{}", code: .wrongType, field: "verificationMaterial.tlogEntries"),
        .init(fixture: v01, path: proof0, member: "hashes", json: "\"zgesNHwk09VvW4IDaPrJMtX59glNyyLPzeJO1Gw1hCI=\"",
              code: .wrongType, field: entryPath + ".inclusionProof.hashes"),
        .init(fixture: v01, path: entry0, member: "kindVersion", json: #"["hashedrekord", "0.0.1"]"#, code: .wrongType, field: entryPath + ".kindVersion"),
        .init(fixture: v01, path: entry0, member: "logIndex", json: "true", code: .wrongType, field: entryPath + ".logIndex"),
        .init(fixture: v01, path: [.key("messageSignature"), .key("messageDigest")], member: "algorithm", json: "false",
              code: .wrongType, field: "messageSignature.messageDigest.algorithm"),
        // Enums.
        .init(fixture: v01, path: [.key("messageSignature"), .key("messageDigest")], member: "algorithm", json: "\"SHA2_999\"",
              code: .invalidValue, field: "messageSignature.messageDigest.algorithm"),
        .init(fixture: v01, path: [.key("messageSignature"), .key("messageDigest")], member: "algorithm", json: "9",
              code: .invalidValue, field: "messageSignature.messageDigest.algorithm"),
        .init(fixture: v01, path: [.key("messageSignature"), .key("messageDigest")], member: "algorithm", json: "1", code: nil, field: ""),
        // Missing required members (absent or null).
        .init(fixture: v01, path: [], member: "mediaType", json: nil, code: .missingField, field: "mediaType"),
        .init(fixture: v01, path: [], member: "verificationMaterial", json: nil, code: .missingField, field: "verificationMaterial"),
        .init(fixture: v01, path: [], member: "verificationMaterial", json: "null", code: .missingField, field: "verificationMaterial"),
        .init(fixture: v01, path: entry0, member: "canonicalizedBody", json: nil, code: .missingField, field: entryPath + ".canonicalizedBody"),
        .init(fixture: v01, path: entry0, member: "logId", json: nil, code: .missingField, field: entryPath + ".logId"),
        // Early v0.1 bundles carry proofs without checkpoint; validation requires it from v0.2 on.
        .init(fixture: v01, path: proof0, member: "checkpoint", json: nil, code: nil, field: ""),
        .init(fixture: v01, path: proof0, member: "treeSize", json: nil, code: .missingField, field: entryPath + ".inclusionProof.treeSize"),
        .init(fixture: v01, path: entry0 + [.key("kindVersion")], member: "version", json: nil, code: .missingField,
              field: entryPath + ".kindVersion.version"),
        .init(fixture: v01, path: [.key("messageSignature")], member: "signature", json: nil, code: .missingField, field: "messageSignature.signature"),
        .init(fixture: v03, path: material + [.key("certificate")], member: "rawBytes", json: "\"\"", code: .missingField,
              field: "verificationMaterial.certificate.rawBytes"),
        .init(fixture: v03Rekor2, path: timestamp0, member: "signedTimestamp", json: nil, code: .missingField,
              field: "verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp"),
        // Two members of one oneof.
        .init(fixture: v03, path: [], member: "dsseEnvelope", json: #"{"payloadType":"text/plain","signatures":[]}"#,
              code: .invalidValue, field: "dsseEnvelope"),
        .init(fixture: v03, path: material, member: "x509CertificateChain", json: #"{"certificates":[]}"#,
              code: .invalidValue, field: "verificationMaterial.certificate"),
    ]

    @Test(arguments: decodingErrors)
    func decodingReportsCodeAndPath(edit: BundleEdit) throws {
        let document = try edit.apply()
        guard let code = edit.code else {
            _ = try ProtoJSON.decode(SigstoreBundle.self, from: document)
            return
        }
        expectModelError(code, field: edit.field) { _ = try ProtoJSON.decode(SigstoreBundle.self, from: document) }
    }

    static let structureErrors: [BundleEdit] = [
        .init(fixture: v03, path: material, member: "certificate", json: nil, code: .missingField, field: "verificationMaterial.certificate"),
        .init(fixture: v01, path: material + [.key("x509CertificateChain")], member: "certificates", json: "[]",
              code: .missingField, field: "verificationMaterial.x509CertificateChain.certificates"),
        .init(fixture: v03, path: [], member: "messageSignature", json: nil, code: .missingField, field: "messageSignature"),
        .init(fixture: v03DSSE, path: [.key("dsseEnvelope")], member: "signatures", json: #"[{"sig":"AQ=="},{"sig":"Ag=="}]"#,
              code: .invalidValue, field: "dsseEnvelope.signatures"),
        .init(fixture: v03DSSE, path: [.key("dsseEnvelope")], member: "signatures", json: nil, code: .invalidValue, field: "dsseEnvelope.signatures"),
        .init(fixture: v01, path: entry0, member: "inclusionPromise", json: nil, code: .missingField, field: entryPath + ".inclusionPromise"),
        .init(fixture: v02, path: entry0, member: "inclusionProof", json: nil, code: .missingField, field: entryPath + ".inclusionProof"),
        .init(fixture: v02, path: proof0, member: "checkpoint", json: nil, code: .missingField, field: entryPath + ".inclusionProof.checkpoint"),
        .init(fixture: v03, path: proof0, member: "checkpoint", json: "null", code: .missingField, field: entryPath + ".inclusionProof.checkpoint"),
        .init(fixture: v03Rekor2, path: material, member: "timestampVerificationData", json: nil, code: .missingField,
              field: "verificationMaterial.timestampVerificationData"),
        .init(fixture: v03, path: material, member: "tlogEntries", json: "[]", code: .missingField, field: "verificationMaterial.tlogEntries"),
        .init(fixture: v01, path: entry0, member: "logIndex", json: "\"-1\"", code: .invalidValue, field: entryPath + ".logIndex"),
        .init(fixture: v01, path: proof0, member: "treeSize", json: "\"7376158\"", code: .invalidValue, field: entryPath + ".inclusionProof.treeSize"),
        .init(fixture: v02, path: proof0, member: "treeSize", json: "\"75441654\"", code: .invalidValue, field: entryPath + ".inclusionProof.hashes"),
        .init(fixture: v03, path: proof0, member: "rootHash", json: "\"AAAA\"", code: .invalidValue, field: entryPath + ".inclusionProof.rootHash"),
    ]

    @Test(arguments: structureErrors)
    func validationReportsCodeAndPath(edit: BundleEdit) throws {
        let bundle = try ProtoJSON.decode(SigstoreBundle.self, from: try edit.apply())
        expectModelError(try #require(edit.code), field: edit.field) { try bundle.validate() }
    }

    @Test func v03WithAChainIsRejected() throws {
        var bundle = try ProtoFixture.decode(SigstoreBundle.self, "bundles/" + v03)
        let leaf = try #require(bundle.verificationMaterial.leafCertificate)
        bundle.verificationMaterial.content = .x509CertificateChain(.init(certificates: [leaf]))
        let reread = try ProtoJSON.decode(SigstoreBundle.self, from: ProtoJSON.encode(bundle))
        expectModelError(.invalidValue, field: "verificationMaterial.x509CertificateChain") { try reread.validate() }
        // The same material is fine in a v0.2 bundle.
        let older = SigstoreBundle(version: .v0_2, verificationMaterial: bundle.verificationMaterial, content: bundle.content)
        try older.validate()
    }

    @Test func theTlogEntryCountIsCheckedOnlyWhenAsked() throws {
        var bundle = try ProtoFixture.decode(SigstoreBundle.self, "bundles/" + v03)
        bundle.verificationMaterial.tlogEntries += bundle.verificationMaterial.tlogEntries
        expectModelError(.invalidValue, field: "verificationMaterial.tlogEntries") { try bundle.validate() }
        try bundle.validate(requireSingleTlogEntry: false)

        let managedKey = try ProtoFixture.decode(SigstoreBundle.self, "bundles/managed-key-v0.1-empty-lists.sigstore.json")
        expectModelError(.missingField, field: "verificationMaterial.tlogEntries") { try managedKey.validate() }
        try managedKey.validate(requireSingleTlogEntry: false)
    }

    @Test(arguments: BundleFixture.all.filter { $0.kind != nil })
    func realBundlesAreValid(fixture: BundleFixture) throws {
        try ProtoFixture.decode(SigstoreBundle.self, fixture.path).validate()
    }
}
