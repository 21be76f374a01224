import SigstoreModels

/// What `signet log get` and `signet log verify` print about an entry.
struct LogEntryReport: Encodable, Sendable {
    /// The entry ID as the log answered (80 hex with tree ID, or the 64-hex UUID).
    var uuid: String
    var logIndex: Int64
    /// RFC 3339, UTC.
    var integratedTime: String
    var logID: String
    var kind: String
    var apiVersion: String
    /// `algorithm:hex` of what the entry logs: the artifact digest of a hashedrekord, the
    /// payload digest of a dsse entry.
    var digest: String?
    /// The tree size of the checkpoint the inclusion proof was verified against.
    var treeSize: UInt64?
    var checkpointOrigin: String?
    var verified: Bool
    /// Why verification failed; absent when it passed.
    var reason: String?
    /// The decoded entry body (`log get` only).
    var body: JSONValue?

    init(_ fetched: FetchedLogEntry, checkpoint: VerifiedCheckpoint?, failure: (any Error)?, includeBody: Bool) {
        uuid = fetched.entryID
        logIndex = fetched.entry.logIndex
        integratedTime = Timestamp.format(unixSeconds: fetched.entry.integratedTime)
        logID = fetched.entry.logID.lowercased()
        let json = try? JSONValue(parsing: fetched.body, limits: JSONLimits(maxBytes: RekorV1.maximumDocumentSize))
        kind = json?["kind"]?.stringValue ?? "unknown"
        apiVersion = json?["apiVersion"]?.stringValue ?? "unknown"
        switch try? RekorEntry(decoding: fetched.body) {
        case .hashedRekordV001(let entry): digest = "\(entry.data.algorithm.rawValue):\(entry.data.hexValue)"
        case .dsseV001(let entry): digest = "\(entry.payloadHash.algorithm.rawValue):\(entry.payloadHash.hexValue)"
        default: digest = nil
        }
        treeSize = checkpoint?.treeSize
        checkpointOrigin = checkpoint?.origin
        verified = failure == nil && checkpoint != nil
        reason = failure.map { Failure($0).message }
        body = includeBody ? json : nil
    }

    /// The report for people, one fact a line.
    var text: String {
        var lines = [
            "UUID: \(uuid)",
            "Log index: \(logIndex)",
            "Integrated time: \(integratedTime)",
            "Log ID: \(logID)",
            "Kind: \(kind) \(apiVersion)",
        ]
        if let digest { lines.append("Digest: \(digest)") }
        if let treeSize, let checkpointOrigin {
            lines.append("Checkpoint: \(checkpointOrigin), tree size \(treeSize)")
        }
        if verified {
            lines.append("Verification: passed (inclusion proof, checkpoint signature and SET against the trusted log key)")
        } else {
            lines.append("Verification: FAILED: \(reason ?? "not verified")")
        }
        return lines.joined(separator: "\n")
    }
}
