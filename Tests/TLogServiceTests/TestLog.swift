import Foundation
import LogEngine
import LogStorageSQLite
import SigstoreCrypto
import SwiftASN1
import TLogService
import X509

/// A Rekor v1 and a Rekor v2 log, each on a real SQLite file in a fresh temporary directory.
struct TestLog {
    static let host = "tlog.signet.test"
    static let treeID: Int64 = 1_193_050_959_916_656_506

    let directory: URL
    let v1Key: PrivateKey
    let v2Key: PrivateKey
    let v1Signer: CheckpointSigner
    let v2Signer: CheckpointSigner
    let v1: RekorV1Log
    let v2: RekorV2Log

    init() async throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("tlog-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        v1Key = try PrivateKey.generate(.ecdsaP256)
        v2Key = try PrivateKey.generate(.ed25519)
        let v1Storage = try SQLiteLogStorage(path: directory.appendingPathComponent("v1.sqlite").path)
        let v2Storage = try SQLiteLogStorage(path: directory.appendingPathComponent("v2.sqlite").path)
        v1Signer = try CheckpointSigner.rekorV1(hostname: Self.host, treeID: Self.treeID, key: v1Key)
        v2Signer = try CheckpointSigner.rekorV2(hostname: Self.host, key: v2Key)
        let v1Sequencer = Sequencer(storage: v1Storage, signer: v1Signer, now: { Date(timeIntervalSince1970: 1_767_225_600) })
        let v2Sequencer = Sequencer(storage: v2Storage, signer: v2Signer)
        try await v1Sequencer.start()
        try await v2Sequencer.start()
        v1 = RekorV1Log(sequencer: v1Sequencer, reader: LogReader(storage: v1Storage), signer: v1Signer, treeID: Self.treeID, key: v1Key)
        v2 = RekorV2Log(sequencer: v2Sequencer, reader: LogReader(storage: v2Storage), signer: v2Signer)
    }
}

/// A signer with a self-signed certificate naming an email identity.
struct TestSigner {
    let key: PrivateKey
    let certificate: Certificate
    let certificateDER: [UInt8]
    let certificatePEM: String

    init(_ algorithm: KeyAlgorithm = .ecdsaP256, email: String = "Signer@Signet.test") throws {
        key = try PrivateKey.generate(algorithm)
        let name = try DistinguishedName { CommonName("signet-test-signer") }
        let notBefore = Date(timeIntervalSince1970: 1_767_225_600)
        certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(bytes: [7]),
            publicKey: key.publicKey.certificatePublicKey,
            notValidBefore: notBefore,
            notValidAfter: notBefore.addingTimeInterval(600),
            issuer: name,
            subject: name,
            signatureAlgorithm: algorithm == .ecdsaP384 ? .ecdsaWithSHA384 : .ecdsaWithSHA256,
            extensions: Certificate.Extensions {
                Critical(SubjectAlternativeNames([.rfc822Name(email), .uniformResourceIdentifier("https://signet.test/ci")]))
            },
            issuerPrivateKey: key.certificatePrivateKey
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        certificateDER = serializer.serializedBytes
        certificatePEM = try certificate.serializeAsPEM().pemString + "\n"
    }
}

extension [UInt8] {
    var base64: String { Data(self).base64EncodedString() }
    var hex: String { map { String(format: "%02x", $0) }.joined() }
}

/// JSON request bodies as clients write them.
enum Requests {
    static func hashedRekord(signature: [UInt8], verifierPEM: String, digest: [UInt8], algorithm: String = "sha256") -> [UInt8] {
        Array("""
        {"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"signature":{"content":"\(signature.base64)","publicKey":{"content":"\(Array(verifierPEM.utf8).base64)"}},"data":{"hash":{"algorithm":"\(algorithm)","value":"\(digest.hex)"}}}}
        """.utf8)
    }

    static func hashedRekordV2(signature: [UInt8], certificateDER: [UInt8], digest: [UInt8], keyDetails: String = "PKIX_ECDSA_P256_SHA_256") -> [UInt8] {
        Array("""
        {"hashedRekordRequestV002":{"digest":"\(digest.base64)","signature":{"content":"\(signature.base64)","verifier":{"x509Certificate":{"rawBytes":"\(certificateDER.base64)"},"keyDetails":"\(keyDetails)"}}}}
        """.utf8)
    }

    static func hashedRekordV2(signature: [UInt8], publicKeyDER: [UInt8], digest: [UInt8], keyDetails: String) -> [UInt8] {
        Array("""
        {"hashedRekordRequestV002":{"digest":"\(digest.base64)","signature":{"content":"\(signature.base64)","verifier":{"publicKey":{"rawBytes":"\(publicKeyDER.base64)"},"keyDetails":"\(keyDetails)"}}}}
        """.utf8)
    }
}
