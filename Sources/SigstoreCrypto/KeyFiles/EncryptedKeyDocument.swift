import Foundation

/// The JSON inside an encrypted cosign/Sigstore key's PEM block, the format of
/// go-securesystemslib's `encrypted` package:
///
/// ```json
/// {"kdf":{"name":"scrypt","params":{"N":65536,"r":8,"p":1},"salt":"<base64>"},
///  "cipher":{"name":"nacl/secretbox","nonce":"<base64>"},"ciphertext":"<base64>"}
/// ```
///
/// Byte strings are standard, padded base64 (Go's encoding of `[]byte`).
struct EncryptedKeyDocument: Decodable {
    struct KeyDerivation: Decodable {
        struct Parameters: Decodable {
            var N: Int
            var r: Int
            var p: Int
        }
        var name: String
        var params: Parameters?
        var salt: String?
    }

    struct Cipher: Decodable {
        var name: String
        var nonce: String?
    }

    var kdf: KeyDerivation
    var cipher: Cipher
    var ciphertext: String

    static let keyDerivationName = "scrypt"
    static let cipherName = "nacl/secretbox"

    /// The document for `ciphertext` sealed under a key derived with `parameters` and `salt`,
    /// in Go's member order.
    static func json(parameters: ScryptParameters, salt: [UInt8], nonce: [UInt8], ciphertext: [UInt8]) -> [UInt8] {
        let text = #"{"kdf":{"name":"\#(keyDerivationName)","params":{"N":\#(parameters.cost),"r":\#(parameters.blockSize),"p":\#(parameters.parallelism)},"salt":"\#(Data(salt).base64EncodedString())"},"#
            + #""cipher":{"name":"\#(cipherName)","nonce":"\#(Data(nonce).base64EncodedString())"},"#
            + #""ciphertext":"\#(Data(ciphertext).base64EncodedString())"}"#
        return Array(text.utf8)
    }
}
