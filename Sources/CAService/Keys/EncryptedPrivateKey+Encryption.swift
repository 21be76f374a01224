import Crypto
import CryptoExtras
import Foundation
import SwiftASN1

extension EncryptedPrivateKey {
    /// PBKDF2 rounds for keys this package writes: OWASP's 2023 figure for HMAC-SHA256.
    static let defaultIterations = 600_000

    /// Encrypts a DER PKCS#8 `PrivateKeyInfo` with PBES2: PBKDF2-HMAC-SHA256 (random 16-byte
    /// salt, `iterations` rounds) and AES-256-CBC (random IV), as `openssl pkcs8 -topk8 -v2 aes256`
    /// does, so `openssl pkey` and ``CertificateAuthorityKeys/privateKey(pem:password:)`` read it.
    ///
    /// - Returns: The DER `EncryptedPrivateKeyInfo`.
    /// - Throws: ``CAError/Code/invalidConfiguration`` for an empty password.
    static func encrypt(pkcs8DER: [UInt8], password: some DataProtocol, iterations: Int = defaultIterations) throws -> [UInt8] {
        let password = Array(password)
        guard !password.isEmpty else {
            throw CAError(.invalidConfiguration, "refusing to encrypt a private key with an empty password")
        }
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        let iv = (0..<16).map { _ in UInt8.random(in: .min ... .max) }
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: password, salt: salt, using: .sha256, outputByteCount: 32, unsafeUncheckedRounds: iterations
            )
            let ciphertext = try AES._CBC.encrypt(pkcs8DER, using: key, iv: AES._CBC.IV(ivBytes: iv))
            var serializer = DER.Serializer()
            try serializer.appendConstructedNode(identifier: .sequence) { info in
                try info.appendConstructedNode(identifier: .sequence) { algorithm in
                    try algorithm.serialize(pbes2)
                    try algorithm.appendConstructedNode(identifier: .sequence) { parameters in
                        try parameters.appendConstructedNode(identifier: .sequence) { kdf in
                            try kdf.serialize(pbkdf2)
                            try kdf.appendConstructedNode(identifier: .sequence) { pbkdf2Parameters in
                                try pbkdf2Parameters.serialize(ASN1OctetString(contentBytes: salt[...]))
                                try pbkdf2Parameters.serialize(iterations)
                                try pbkdf2Parameters.appendConstructedNode(identifier: .sequence) { prf in
                                    try prf.serialize(hmacWithSHA256)
                                    try prf.serialize(ASN1Null())
                                }
                            }
                        }
                        try parameters.appendConstructedNode(identifier: .sequence) { cipher in
                            try cipher.serialize(aes256CBC)
                            try cipher.serialize(ASN1OctetString(contentBytes: iv[...]))
                        }
                    }
                }
                try info.serialize(ASN1OctetString(contentBytes: Array(ciphertext)[...]))
            }
            return serializer.serializedBytes
        } catch {
            throw CAError(.invalidConfiguration, "cannot encrypt the private key: \(error)")
        }
    }
}
