public import Foundation
import Crypto
import CryptoExtras
import SwiftASN1

/// Password-protected private key files in the format `cosign generate-key-pair` writes and
/// reads: a PEM block labelled `ENCRYPTED SIGSTORE PRIVATE KEY` (or the older
/// `ENCRYPTED COSIGN PRIVATE KEY`) around JSON naming scrypt and NaCl secretbox
/// (XSalsa20-Poly1305), whose plaintext is the DER PKCS#8 private key.
///
/// To sign with a key file (`signet sign-blob --key`), read the file, check ``isEncrypted(pem:)``,
/// and if so obtain the password and call ``decrypt(pem:password:)``; unencrypted PEM keys go
/// through ``PrivateKey/init(pemEncoded:)``, which refuses encrypted ones with
/// `.unsupportedAlgorithm`.
public enum EncryptedSigningKey {
    /// The PEM label cosign writes today.
    public static let pemType = "ENCRYPTED SIGSTORE PRIVATE KEY"
    /// The label older cosign releases wrote; still read.
    public static let legacyPEMType = "ENCRYPTED COSIGN PRIVATE KEY"

    static let saltByteCount = 32
    static let derivedKeyByteCount = 32

    /// Whether `pem` is a single PEM block with one of the encrypted key labels.
    public static func isEncrypted(pem: String) -> Bool {
        guard let document = try? PEMDocument(pemString: pem) else { return false }
        return [pemType, legacyPEMType].contains(document.discriminator)
    }

    /// Decrypts an encrypted key file with `password` (the bytes of the UTF-8 password; empty
    /// is allowed, as cosign allows it).
    ///
    /// - Throws: ``CryptoError`` `.decryptionFailed` ("wrong password or corrupted key") when the
    ///   authentication tag does not match; `.unsupportedAlgorithm` for a key derivation function
    ///   other than scrypt, a cipher other than `nacl/secretbox`, or scrypt parameters outside
    ///   ``ScryptParameters/isWithinLimits``; `.malformedKey` when the PEM, JSON or the
    ///   decrypted PKCS#8 does not parse.
    public static func decrypt(pem: String, password: some DataProtocol) throws -> PrivateKey {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw CryptoError(.malformedKey, "not a single PEM document: \(error)")
        }
        guard [pemType, legacyPEMType].contains(document.discriminator) else {
            throw CryptoError(.malformedKey, "expected an \(pemType) PEM block, found \(document.discriminator)")
        }
        let plaintext = try open(json: document.derBytes, password: Array(password))
        do {
            return try PrivateKey(pkcs8DER: plaintext)
        } catch let error as CryptoError {
            throw CryptoError(error.code, "the decrypted key is unusable: \(error.message)")
        }
    }

    /// Encrypts `key` under `password` as an `ENCRYPTED SIGSTORE PRIVATE KEY` PEM block
    /// (64-character lines, trailing newline) that cosign reads, with a fresh random salt and nonce.
    ///
    /// - Throws: ``CryptoError`` `.unsupportedAlgorithm` when `parameters` are outside
    ///   ``ScryptParameters/isWithinLimits``.
    public static func encrypt(_ key: PrivateKey, password: some DataProtocol, parameters: ScryptParameters = .cosignDefault) throws -> String {
        guard parameters.isWithinLimits else {
            throw CryptoError(.unsupportedAlgorithm, "\(parameters) is outside the supported limits")
        }
        let salt = randomBytes(saltByteCount)
        let nonce = randomBytes(SecretBox.nonceByteCount)
        let derived = try deriveKey(password: Array(password), salt: salt, parameters: parameters)
        let sealed = SecretBox.seal(key.pkcs8DER, key: derived, nonce: nonce)
        let json = EncryptedKeyDocument.json(parameters: parameters, salt: salt, nonce: nonce, ciphertext: sealed)
        return PEMDocument(type: pemType, derBytes: json).pemString + "\n"
    }

    /// Reads the JSON document, derives the key and opens the secretbox.
    static func open(json: [UInt8], password: [UInt8]) throws -> [UInt8] {
        let document: EncryptedKeyDocument
        do {
            document = try JSONDecoder().decode(EncryptedKeyDocument.self, from: Data(json))
        } catch {
            throw CryptoError(.malformedKey, "the encrypted key is not the expected JSON document: \(error)")
        }
        guard document.kdf.name == EncryptedKeyDocument.keyDerivationName else {
            throw CryptoError(.unsupportedAlgorithm, "unsupported key derivation function \"\(document.kdf.name)\"; expected scrypt")
        }
        guard document.cipher.name == EncryptedKeyDocument.cipherName else {
            throw CryptoError(.unsupportedAlgorithm, "unsupported cipher \"\(document.cipher.name)\"; expected nacl/secretbox")
        }
        guard let params = document.kdf.params, let salt = base64(document.kdf.salt), !salt.isEmpty,
            let nonce = base64(document.cipher.nonce), let box = base64(document.ciphertext)
        else {
            throw CryptoError(.malformedKey, "the encrypted key lacks scrypt parameters, salt, nonce or ciphertext, or they are not base64")
        }
        let parameters = ScryptParameters(cost: params.N, blockSize: params.r, parallelism: params.p)
        guard parameters.isWithinLimits else {
            throw CryptoError(.unsupportedAlgorithm, "\(parameters) is outside the supported limits")
        }
        guard nonce.count == SecretBox.nonceByteCount else {
            throw CryptoError(.malformedKey, "the secretbox nonce is \(nonce.count) bytes; it must be \(SecretBox.nonceByteCount)")
        }
        let derived = try deriveKey(password: password, salt: salt, parameters: parameters)
        guard let plaintext = SecretBox.open(box, key: derived, nonce: nonce) else {
            throw CryptoError(.decryptionFailed, "wrong password or corrupted key")
        }
        return plaintext
    }

    private static func deriveKey(password: [UInt8], salt: [UInt8], parameters: ScryptParameters) throws -> [UInt8] {
        do {
            let key = try KDF.Scrypt.deriveKey(
                from: password, salt: salt, outputByteCount: derivedKeyByteCount,
                rounds: parameters.cost, blockSize: parameters.blockSize, parallelism: parameters.parallelism)
            return key.withUnsafeBytes { Array($0) }
        } catch {
            throw CryptoError(.unsupportedAlgorithm, "scrypt with \(parameters) failed: \(error)")
        }
    }

    private static func base64(_ text: String?) -> [UInt8]? {
        text.flatMap { Data(base64Encoded: $0) }.map(Array.init)
    }

    private static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }
}
