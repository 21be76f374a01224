import Crypto
import Foundation
import SignedNote
import SigstoreCrypto
import LogEngine
import Testing

@Suite struct CheckpointSignerTests {
    /// A key that can only say who it is: enough to derive names, hints and log IDs.
    struct PublicOnlyKey: KeySigner {
        let publicKey: PublicKey

        func signature(for message: [UInt8]) throws -> [UInt8] {
            throw CryptoError(.signingFailed, "public key only")
        }
    }

    /// The public-good trusted root's logs (see Fixtures/README.md).
    struct TrustedLog: Decodable {
        struct Key: Decodable { var rawBytes: String }
        struct ID: Decodable { var keyId: String }
        var baseUrl: String
        var publicKey: Key
        var logId: ID

        static func publicGood(_ baseURL: String) throws -> TrustedLog {
            struct Root: Decodable { var tlogs: [TrustedLog] }
            let root = try JSONDecoder().decode(Root.self, from: Data(Fixture.bytes("public-good-trusted-root.json")))
            return try #require(root.tlogs.first { $0.baseUrl == baseURL })
        }

        var key: PublicKey {
            get throws { try PublicKey(derEncoded: Data(base64Encoded: publicKey.rawBytes)!) }
        }

        var logID: [UInt8] { [UInt8](Data(base64Encoded: logId.keyId)!) }
    }

    /// Our signer configured with the public-good keys must compute the published log IDs and
    /// accept the published checkpoints: the same names, hints and signature schemes.
    @Test func publicGoodLogsMatchTheirTrustedRootAndCheckpoints() throws {
        let v1 = try TrustedLog.publicGood("https://rekor.sigstore.dev")
        let v1Signer = try CheckpointSigner.rekorV1(hostname: "rekor.sigstore.dev", treeID: 1_193_050_959_916_656_506, key: PublicOnlyKey(publicKey: v1.key))
        #expect(v1Signer.logID.bytes == v1.logID)
        #expect(v1Signer.origin == "rekor.sigstore.dev - 1193050959916656506")
        let v1Note = try Note(parsing: Fixture.text("rekor-v1-public-good-npm-sigstore-3.1.0.note"))
        try v1Note.verify(with: [v1Signer.verifier], policy: .everyLineByKnownKey)
        #expect(try Checkpoint(note: v1Note).origin == v1Signer.origin)

        let v2 = try TrustedLog.publicGood("https://log2025-1.rekor.sigstore.dev")
        let v2Signer = try CheckpointSigner.rekorV2(hostname: "log2025-1.rekor.sigstore.dev", key: PublicOnlyKey(publicKey: v2.key))
        #expect(v2Signer.logID.bytes == v2.logID)
        let v2Note = try Note(parsing: Fixture.text("rekor-v2-log2025-1-412115.note"))
        try v2Note.verify(with: [v2Signer.verifier])
        #expect(try Checkpoint(note: v2Note).origin == v2Signer.origin)
    }

    @Test func rekorV1CheckpointsUseTheTreeIDOriginAndTheSPKIKeyHint() async throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        let signer = try CheckpointSigner.rekorV1(hostname: "rekor.test.example", treeID: 42, key: key)
        let root = [UInt8](repeating: 0xAB, count: 32)
        let note = try Note(parsing: await signer.signedCheckpoint(treeSize: 7, rootHash: root))

        #expect(note.body == "rekor.test.example - 42\n7\n\(Data(root).base64EncodedString())\n")
        #expect(note.signatures.count == 1)
        #expect(note.signatures.first?.name == "rekor.test.example")
        #expect(signer.logID.bytes == Array(SHA256.hash(data: key.publicKey.derRepresentation)))
        #expect(note.signatures.first?.keyHint == signer.logID.keyHint)
        try note.verify(with: [signer.verifier], policy: .everyLineByKnownKey)
    }

    @Test(arguments: [KeyAlgorithm.ed25519, .ecdsaP256, .ecdsaP384])
    func rekorV2CheckpointsVerifyForEveryKeyType(algorithm: KeyAlgorithm) async throws {
        let key = try PrivateKey.generate(algorithm)
        let signer = try CheckpointSigner.rekorV2(hostname: "log.test.example", key: key)
        let note = try Note(parsing: await signer.signedCheckpoint(treeSize: 0, rootHash: Array(SHA256.hash(data: [UInt8]()))))
        #expect(note.body.hasPrefix("log.test.example\n0\n"))
        #expect(note.signatures.first?.name == "log.test.example")
        try note.verify(with: [signer.verifier])
        // An independent verifier built as a client would, from the trusted root's key and URL.
        try note.verify(with: [RekorNoteVerifier(name: "log.test.example", publicKey: key.publicKey, flavour: .v2)])
    }

    @Test func theRekorV2Ed25519LogIDFollowsTheSignedNoteRule() throws {
        let key = try PrivateKey.generate(.ed25519)
        let signer = try CheckpointSigner.rekorV2(hostname: "log.test.example", key: key)
        let raw = try #require(key.publicKey.rawEd25519)
        var message = Array("log.test.example".utf8) + [0x0A, 0x01]
        message += raw
        #expect(signer.logID.bytes == Array(SHA256.hash(data: message)))
    }

    @Test func unusableKeysAndNamesAreRefused() throws {
        let p384 = try PrivateKey.generate(.ecdsaP384)
        let ed25519 = try PrivateKey.generate(.ed25519)
        for attempt in [
            { _ = try CheckpointSigner.rekorV1(hostname: "rekor.test.example", treeID: 1, key: p384) },
            { _ = try CheckpointSigner.rekorV2(hostname: "log.test.example:8080", key: ed25519) },
            { _ = try CheckpointSigner.rekorV2(hostname: "http://log.test.example", key: ed25519) },
            { _ = try CheckpointSigner.rekorV2(hostname: "log test", key: ed25519) },
            { _ = try CheckpointSigner.rekorV2(hostname: "", key: ed25519) },
        ] as [() throws -> Void] {
            let error = #expect(throws: LogEngineError.self) { try attempt() }
            #expect(error?.code == .invalidSigner)
        }
    }
}
