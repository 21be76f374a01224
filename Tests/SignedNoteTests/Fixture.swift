import Foundation
import SigstoreCrypto
import Testing

/// Loads the published test data in `Fixtures/` (see its README for provenance).
enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    static func text(_ name: String) throws -> String {
        String(decoding: try bytes(name), as: UTF8.self)
    }

    /// The notes whose text must format back to the same bytes.
    static let allNotes = [
        "go-note-peter.note",
        "go-note-peter-enoch.note",
        "c2sp-signed-note-verifier-key-example.note",
        "c2sp-signed-note-quasimodo.note",
        "c2sp-tlog-checkpoint-example.note",
        "c2sp-tlog-cosignature-example.note",
        "rekor-v1-public-good-npm-sigstore-3.1.0.note",
        "rekor-v1-public-good-formats-798034.note",
        "rekor-v2-log2025-1-412115.note",
        "arche2025h1-witnessed.note",
    ]

    /// The notes whose body is a checkpoint.
    static let checkpointNotes = allNotes.filter { !$0.hasPrefix("go-") && !$0.hasPrefix("c2sp-signed-note") }

    /// A transparency log entry of the public-good trusted root.
    struct TrustedLog {
        let baseURL: String
        let publicKey: PublicKey
        let logID: [UInt8]
        var hostname: String { URL(string: baseURL)?.host ?? "" }
    }

    /// The `tlogs` of the public-good trusted root.
    static func publicGoodLogs() throws -> [TrustedLog] {
        let json = try JSONSerialization.jsonObject(with: Data(bytes("public-good-trusted-root.json")))
        let root = try #require(json as? [String: Any])
        let tlogs = try #require(root["tlogs"] as? [[String: Any]])
        return try tlogs.map { log in
            let key = try #require((log["publicKey"] as? [String: Any])?["rawBytes"] as? String)
            let id = try #require((log["logId"] as? [String: Any])?["keyId"] as? String)
            return TrustedLog(
                baseURL: try #require(log["baseUrl"] as? String),
                publicKey: try PublicKey(derEncoded: try #require(Data(base64Encoded: key))),
                logID: [UInt8](try #require(Data(base64Encoded: id)))
            )
        }
    }

    static func publicGoodLog(baseURL: String) throws -> TrustedLog {
        try #require(try publicGoodLogs().first { $0.baseURL == baseURL })
    }
}
