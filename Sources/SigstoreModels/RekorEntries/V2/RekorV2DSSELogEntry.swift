import Crypto

extension RekorV2 {
    /// The `spec.dsseV002` of a logged `dsse 0.0.2` entry (`DSSELogEntryV002`), which staging
    /// logs wrote before rekor-tiles v2.3.0. Read-only.
    public struct DSSELogEntry: Sendable, Hashable {
        public static let kind = "dsse"
        public static let apiVersion = "0.0.2"

        /// SHA-256 of the decoded envelope payload.
        public var payloadHash: HashOutput
        /// The envelope's signatures, each with the verifier that checked it.
        public var signatures: [Signature]

        public init(payloadHash: HashOutput, signatures: [Signature]) {
            self.payloadHash = payloadHash
            self.signatures = signatures
        }

        /// Whether `payload` (decoded DSSE payload bytes) is the one this entry logged.
        public func matchesPayload(_ payload: some Sequence<UInt8>) -> Bool {
            guard let digest = try? MessageDigest.digest(Array(payload), with: payloadHash.algorithm) else { return false }
            return digest == payloadHash.digest
        }
    }
}

extension RekorV2.DSSELogEntry: Codable {
    private static let fields = ProtoFields("payloadHash", "signatures")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        payloadHash = try reader.require("payloadHash")
        signatures = try reader.repeated("signatures")
        guard !signatures.isEmpty else { throw reader.missing("signatures") }
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.encode(payloadHash, as: "payloadHash")
        try writer.repeated(signatures, as: "signatures")
    }
}
