extension RekorV2 {
    /// A request to log a DSSE envelope (`DSSERequestV002`).
    ///
    /// Removed from rekor-tiles in v2.3.0 in favour of a ``HashedRekordRequest`` over the PAE
    /// digest; read so that requests from older clients get a clear answer.
    public struct DSSERequest: Sendable, Hashable {
        public var envelope: DSSEEnvelope
        /// Everything needed to verify every signature in the envelope.
        public var verifiers: [Verifier]

        public init(envelope: DSSEEnvelope, verifiers: [Verifier]) {
            self.envelope = envelope
            self.verifiers = verifiers
        }
    }
}

extension RekorV2.DSSERequest: Codable {
    private static let fields = ProtoFields("envelope", "verifiers")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        envelope = try reader.require("envelope")
        verifiers = try reader.repeated("verifiers")
        guard !verifiers.isEmpty else { throw reader.missing("verifiers") }
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.encode(envelope, as: "envelope")
        try writer.repeated(verifiers, as: "verifiers")
    }
}
