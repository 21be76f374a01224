import SwiftASN1

extension DERSerializable {
    /// This element's DER encoding.
    func derBytes() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(self)
        return coder.serializedBytes
    }
}
