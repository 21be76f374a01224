import SigstoreCrypto
import SigstoreModels

/// What `signet log info` prints.
struct LogInfoReport: Encodable, Sendable {
    var url: String
    var origin: String
    var treeID: String
    var treeSize: UInt64
    var rootHash: String
    /// The trusted log ID whose key signed the checkpoint.
    var logID: String
    var verified = true
    /// The tree size of `--previous-checkpoint`, which the log was proven consistent with.
    var consistentWithTreeSize: UInt64?

    init(url: String, info: RekorV1.LogInfo, checkpoint: VerifiedCheckpoint, previous: VerifiedCheckpoint?) {
        self.url = url
        origin = checkpoint.origin
        treeID = info.treeID
        treeSize = checkpoint.treeSize
        rootHash = Hex.encode(checkpoint.rootHash)
        logID = Hex.encode(checkpoint.key.logID)
        consistentWithTreeSize = previous?.treeSize
    }

    var text: String {
        var lines = [
            "Log: \(url)",
            "Origin: \(origin)",
            "Tree ID: \(treeID)",
            "Tree size: \(treeSize)",
            "Root hash: \(rootHash)",
            "Checkpoint: signature verified with trusted log key \(logID)",
        ]
        if let consistentWithTreeSize {
            lines.append("Consistency: verified from the previous checkpoint at tree size \(consistentWithTreeSize)")
        }
        return lines.joined(separator: "\n")
    }
}
