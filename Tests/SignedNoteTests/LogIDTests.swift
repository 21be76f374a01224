import Crypto
import Foundation
import SignedNote
import SigstoreCrypto
import Testing

@Suite struct LogIDTests {
    @Test func theLog2025Ed25519IDFollowsTheSignedNoteRule() throws {
        let log = try Fixture.publicGoodLog(baseURL: "https://log2025-1.rekor.sigstore.dev")
        let key = try Curve25519.Signing.PublicKey(rawRepresentation: try #require(log.publicKey.rawEd25519))
        let id = LogID(origin: "log2025-1.rekor.sigstore.dev", ed25519Key: key)
        #expect(id.bytes == log.logID)
        // The live checkpoint's signature lines start with these four bytes (base64 "zxGZ…").
        #expect(id.keyHint == 0xcf11_9915)
    }

    @Test func theRekorTilesRSAIDUsesTheUndefinedTypeAndIdentifier() throws {
        let key = try PublicKey(pemEncoded: try Fixture.text("rekor-tiles-testkey-rsa-2048.pub.pem"))
        #expect(LogID(origin: "testkey", rsaSubjectPublicKeyInfo: key.derRepresentation).keyHint == 2_918_460_683)
    }

    @Test func certificateTransparencyLogIDsAreSPKIHashes() throws {
        let json = try JSONSerialization.jsonObject(with: Data(try Fixture.bytes("public-good-trusted-root.json")))
        let ctlogs = try #require((json as? [String: Any])?["ctlogs"] as? [[String: Any]])
        #expect(!ctlogs.isEmpty)
        for log in ctlogs {
            let spki = try #require((log["publicKey"] as? [String: Any])?["rawBytes"] as? String)
            let id = try #require((log["logId"] as? [String: Any])?["keyId"] as? String)
            #expect(LogID(subjectPublicKeyInfo: try #require(Data(base64Encoded: spki))).bytes == [UInt8](try #require(Data(base64Encoded: id))))
        }
    }

    @Test func theKeyHintIsTheFirstFourBytesBigEndian() {
        let id = LogID(bytes: [0xc0, 0xd2, 0x3d, 0x6a] + [UInt8](repeating: 0, count: 28))
        #expect(id.keyHint == 0xc0d2_3d6a)
    }
}
