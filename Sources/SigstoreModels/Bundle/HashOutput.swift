/// A digest and the algorithm that produced it (`dev.sigstore.common.v1.HashOutput`).
public struct HashOutput: Sendable, Hashable, Codable {
    public var algorithm: ProtoHashAlgorithm
    /// The raw digest bytes (base64 in JSON).
    public var digest: [UInt8]

    public init(algorithm: ProtoHashAlgorithm, digest: [UInt8]) {
        self.algorithm = algorithm
        self.digest = digest
    }

    private static let fields = ProtoFields("algorithm", "digest")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        algorithm = try reader.enumeration("algorithm")
        digest = try reader.bytes("digest")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.enumeration(algorithm, as: "algorithm")
        try writer.bytes(digest, as: "digest")
    }
}
