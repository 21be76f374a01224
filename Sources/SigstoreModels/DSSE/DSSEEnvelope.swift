/// A DSSE envelope (`io.intoto.Envelope`): a typed payload and signatures over its
/// pre-authentication encoding.
///
/// A Sigstore bundle carries exactly one signature; ``SigstoreBundle/validate(requireSingleTlogEntry:)``
/// enforces that, while decoding accepts any number so stand-alone envelopes read too.
public struct DSSEEnvelope: Sendable, Hashable, Codable {
    /// The signed message (base64 in JSON).
    public var payload: [UInt8]
    /// How to interpret `payload`, e.g. ``DSSE/inTotoPayloadType``.
    public var payloadType: String
    public var signatures: [Signature]

    public init(payload: [UInt8], payloadType: String, signatures: [Signature]) {
        self.payload = payload
        self.payloadType = payloadType
        self.signatures = signatures
    }

    /// The bytes every signature in the envelope signs.
    public var preAuthEncoding: [UInt8] {
        DSSE.preAuthEncoding(payloadType: payloadType, payload: payload)
    }

    /// One signature over the envelope's pre-authentication encoding (`io.intoto.Signature`).
    public struct Signature: Sendable, Hashable, Codable {
        /// The signature bytes (base64 in JSON).
        public var sig: [UInt8]
        /// An unauthenticated hint naming the key; empty when absent.
        public var keyid: String

        public init(sig: [UInt8], keyid: String = "") {
            self.sig = sig
            self.keyid = keyid
        }

        private static let fields = ProtoFields("sig", "keyid")

        public init(from decoder: any Decoder) throws {
            let reader = try ProtoMessageReader(decoder, fields: Self.fields)
            sig = try reader.requiredBytes("sig")
            keyid = try reader.string("keyid")
        }

        public func encode(to encoder: any Encoder) throws {
            var writer = ProtoMessageWriter(encoder)
            try writer.bytes(sig, as: "sig")
            try writer.string(keyid, as: "keyid")
        }
    }

    // The .proto spells this field `payloadType`, so that is also its only JSON name.
    private static let fields = ProtoFields("payload", "payloadType", "signatures")

    public init(from decoder: any Decoder) throws {
        let reader = try ProtoMessageReader(decoder, fields: Self.fields)
        payload = try reader.bytes("payload")
        payloadType = try reader.requiredString("payloadType")
        signatures = try reader.repeated("signatures")
    }

    public func encode(to encoder: any Encoder) throws {
        var writer = ProtoMessageWriter(encoder)
        try writer.bytes(payload, as: "payload")
        try writer.string(payloadType, as: "payloadType")
        try writer.repeated(signatures, as: "signatures")
    }
}
