/// One transparency log entry as a bundle or a Rekor v2 response carries it
/// (`dev.sigstore.rekor.v1.TransparencyLogEntry`).
///
/// Rekor v1 entries carry an `integratedTime` and usually an inclusion promise (SET); Rekor
/// v2 entries carry neither and rely on the checkpoint in the inclusion proof. Build one
/// from a Rekor v1 `LogEntry` response with
/// ``init(rekorV1Body:integratedTime:logID:logIndex:inclusionProof:signedEntryTimestamp:entryUUID:)``.
public struct TransparencyLogEntry: Sendable, Hashable, Codable {
    /// The entry's index: for Rekor v1 the global index across shards, for v2 the only one.
    public var logIndex: Int64
    /// Which log holds the entry.
    public var logId: LogId
    /// The entry type and version, e.g. `hashedrekord` `0.0.1`.
    public var kindVersion: KindVersion
    /// Unix seconds at which a Rekor v1 log integrated the entry; 0 when the log gives none.
    public var integratedTime: Int64
    /// The v1 log's signed promise to include the entry.
    public var inclusionPromise: InclusionPromise?
    /// The Merkle inclusion proof and the checkpoint it leads to.
    public var inclusionProof: InclusionProof?
    /// The entry body as the log stored it: canonical JSON bytes (base64 in JSON).
    public var canonicalizedBody: [UInt8]

    public init(
        logIndex: Int64, logId: LogId, kindVersion: KindVersion, integratedTime: Int64 = 0,
        inclusionPromise: InclusionPromise? = nil, inclusionProof: InclusionProof? = nil,
        canonicalizedBody: [UInt8]
    ) {
        self.logIndex = logIndex
        self.logId = logId
        self.kindVersion = kindVersion
        self.integratedTime = integratedTime
        self.inclusionPromise = inclusionPromise
        self.inclusionProof = inclusionProof
        self.canonicalizedBody = canonicalizedBody
    }

    private static let fields = ProtoFields(
        "log_index", "log_id", "kind_version", "integrated_time", "inclusion_promise",
        "inclusion_proof", "canonicalized_body"
    )

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        logIndex = try reader.integer("logIndex")
        logId = try reader.require("logId")
        kindVersion = try reader.require("kindVersion")
        integratedTime = try reader.integer("integratedTime")
        inclusionPromise = try reader.decode("inclusionPromise")
        inclusionProof = try reader.decode("inclusionProof")
        canonicalizedBody = try reader.requiredBytes("canonicalizedBody")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        // The index is meaningful even when 0, and strict readers expect it.
        try writer.int64(logIndex, as: "logIndex", always: true)
        try writer.encode(logId, as: "logId")
        try writer.encode(kindVersion, as: "kindVersion")
        try writer.int64(integratedTime, as: "integratedTime")
        try writer.encode(inclusionPromise, as: "inclusionPromise")
        try writer.encode(inclusionProof, as: "inclusionProof")
        try writer.bytes(canonicalizedBody, as: "canonicalizedBody")
    }
}
