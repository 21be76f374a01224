import SwiftASN1
import X509

extension Certificate {
    /// The certificate's DER encoding.
    func derBytes() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.serialize(self)
        return coder.serializedBytes
    }
}
