/// The Dead Simple Signing Envelope protocol: what a DSSE signature is computed over.
public enum DSSE {
    /// The payload type of in-toto statements.
    public static let inTotoPayloadType = "application/vnd.in-toto+json"

    /// The pre-authentication encoding that DSSE signatures sign:
    /// `"DSSEv1" SP len(type) SP type SP len(payload) SP payload`, lengths as ASCII decimal
    /// byte counts without leading zeros.
    public static func preAuthEncoding(payloadType: String, payload: some Collection<UInt8>) -> [UInt8] {
        let type = Array(payloadType.utf8)
        var encoding: [UInt8] = []
        encoding.reserveCapacity(type.count + payload.count + 32)
        encoding += Array("DSSEv1 \(type.count) ".utf8)
        encoding += type
        encoding += Array(" \(payload.count) ".utf8)
        encoding += payload
        return encoding
    }
}
