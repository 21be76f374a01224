public import SigstoreCrypto
import SwiftASN1

extension CertificateAuthorityKeys {
    /// A CA private key as PEM for a key file: `ENCRYPTED PRIVATE KEY` (PKCS#8, PBES2 with
    /// PBKDF2-HMAC-SHA256 and AES-256-CBC) when `password` is given, otherwise `PRIVATE KEY`.
    /// ``privateKey(pem:password:)`` and `openssl pkey` read either back.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration`` for an empty password.
    public static func privateKeyPEM(_ key: PrivateKey, password: [UInt8]?) throws -> String {
        guard let password else { return key.pemRepresentation }
        let encrypted = try EncryptedPrivateKey.encrypt(pkcs8DER: key.pkcs8DER, password: password)
        return PEMDocument(type: "ENCRYPTED PRIVATE KEY", derBytes: encrypted).pemString + "\n"
    }
}
