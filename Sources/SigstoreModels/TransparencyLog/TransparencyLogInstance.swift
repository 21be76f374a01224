/// A transparency log or CT log that a trusted root trusts
/// (`dev.sigstore.trustroot.v1.TransparencyLogInstance`).
public struct TransparencyLogInstance: Sendable, Hashable, Codable {
    /// The log's base URL, with scheme; for Rekor v2 its host is the checkpoint origin.
    public var baseUrl: String
    /// The Merkle tree hash; only `SHA2_256` is in use.
    public var hashAlgorithm: ProtoHashAlgorithm
    /// The key the log signs checkpoints, SETs or SCTs with, and when it was valid.
    public var publicKey: PublicKeyMaterial?
    /// The ID bundles and SCTs use to name this log.
    public var logId: LogId?
    /// The signed-note key ID of checkpoint signatures, when it differs from `logId`.
    public var checkpointKeyId: LogId?
    /// Who runs the log, e.g. `sigstore.dev`.
    public var `operator`: String

    public init(
        baseUrl: String, hashAlgorithm: ProtoHashAlgorithm = .sha2_256, publicKey: PublicKeyMaterial?,
        logId: LogId?, checkpointKeyId: LogId? = nil, operator: String = ""
    ) {
        self.baseUrl = baseUrl
        self.hashAlgorithm = hashAlgorithm
        self.publicKey = publicKey
        self.logId = logId
        self.checkpointKeyId = checkpointKeyId
        self.operator = `operator`
    }

    private static let fields = ProtoFields("base_url", "hash_algorithm", "public_key", "log_id", "checkpoint_key_id", "operator")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        baseUrl = try reader.string("baseUrl")
        hashAlgorithm = try reader.enumeration("hashAlgorithm")
        publicKey = try reader.decode("publicKey")
        logId = try reader.decode("logId")
        checkpointKeyId = try reader.decode("checkpointKeyId")
        self.operator = try reader.string("operator")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.string(baseUrl, as: "baseUrl")
        try writer.enumeration(hashAlgorithm, as: "hashAlgorithm")
        try writer.encode(publicKey, as: "publicKey")
        try writer.encode(logId, as: "logId")
        try writer.encode(checkpointKeyId, as: "checkpointKeyId")
        try writer.string(self.operator, as: "operator")
    }
}
