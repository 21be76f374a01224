import Crypto
import CryptoExtras
import Foundation
import SwiftASN1

/// A PKCS#8 `EncryptedPrivateKeyInfo` (RFC 5958 §3) protected with PBES2 (RFC 8018 §6.2):
/// PBKDF2 with HMAC-SHA1/SHA-256/SHA-384/SHA-512 and AES-128/192/256-CBC, which is what
/// `openssl genpkey … -aes256` and `openssl pkcs8 -topk8 -v2 aes256` write.
///
/// ```
/// EncryptedPrivateKeyInfo ::= SEQUENCE { encryptionAlgorithm AlgorithmIdentifier, encryptedData OCTET STRING }
/// PBES2-params ::= SEQUENCE { keyDerivationFunc AlgorithmIdentifier, encryptionScheme AlgorithmIdentifier }
/// PBKDF2-params ::= SEQUENCE { salt OCTET STRING, iterationCount INTEGER, keyLength INTEGER OPTIONAL,
///                              prf AlgorithmIdentifier DEFAULT hmacWithSHA1 }
/// ```
struct EncryptedPrivateKey {
    static let pbes2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 5, 13]
    static let pbkdf2: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 5, 12]
    static let hmacWithSHA1: ASN1ObjectIdentifier = [1, 2, 840, 113549, 2, 7]
    static let hmacWithSHA256: ASN1ObjectIdentifier = [1, 2, 840, 113549, 2, 9]
    static let hmacWithSHA384: ASN1ObjectIdentifier = [1, 2, 840, 113549, 2, 10]
    static let hmacWithSHA512: ASN1ObjectIdentifier = [1, 2, 840, 113549, 2, 11]
    static let aes128CBC: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 1, 2]
    static let aes192CBC: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 1, 22]
    static let aes256CBC: ASN1ObjectIdentifier = [2, 16, 840, 1, 101, 3, 4, 1, 42]

    /// More rounds than any real key file uses; a bound so a hostile file cannot stall start-up.
    static let maximumIterations = 10_000_000

    let salt: [UInt8]
    let iterations: Int
    let hashFunction: KDF.Insecure.PBKDF2.HashFunction
    let keyLength: Int
    let iv: [UInt8]
    let encryptedData: [UInt8]

    /// Parses the DER structure.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration`` for malformed input or schemes other
    ///   than PBES2 + PBKDF2 + AES-CBC (such as PBES1 or scrypt).
    init(derEncoded der: [UInt8]) throws {
        do {
            (salt, iterations, hashFunction, keyLength, iv, encryptedData) = try DER.sequence(try DER.parse(der), identifier: .sequence) { nodes in
                let (scheme, parameters) = try Self.algorithm(&nodes)
                guard scheme == Self.pbes2, let parameters else {
                    throw CAError(.invalidConfiguration, "encrypted private key uses \(scheme); only PBES2 (PBKDF2 + AES-CBC) is supported")
                }
                let encrypted = try ASN1OctetString(derEncoded: &nodes)
                let (kdf, cipher) = try DER.sequence(parameters, identifier: .sequence) { nodes in
                    (try Self.algorithm(&nodes), try Self.algorithm(&nodes))
                }
                guard kdf.oid == Self.pbkdf2, let kdfParameters = kdf.parameters else {
                    throw CAError(.invalidConfiguration, "encrypted private key derives its key with \(kdf.oid); only PBKDF2 is supported")
                }
                let (salt, iterations, keyLength, prf) = try DER.sequence(kdfParameters, identifier: .sequence) { nodes in
                    let salt = try ASN1OctetString(derEncoded: &nodes)
                    let iterations = try Int(derEncoded: &nodes)
                    var keyLength: Int?
                    var prf = Self.hmacWithSHA1
                    while let node = nodes.next() {
                        if node.identifier == .integer, keyLength == nil {
                            keyLength = try Int(derEncoded: node)
                        } else if node.identifier == .sequence {
                            // AlgorithmIdentifier: the OID, then NULL or nothing.
                            prf = try DER.sequence(node, identifier: .sequence) { nodes in
                                let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
                                if let parameters = nodes.next(), parameters.identifier != .null {
                                    throw ASN1Error.invalidASN1Object(reason: "unexpected PRF parameters")
                                }
                                return oid
                            }
                        } else {
                            throw ASN1Error.invalidASN1Object(reason: "unexpected PBKDF2 parameter")
                        }
                    }
                    return (salt.bytes, iterations, keyLength, prf)
                }
                let cipherKeyLength: Int
                switch cipher.oid {
                case Self.aes128CBC: cipherKeyLength = 16
                case Self.aes192CBC: cipherKeyLength = 24
                case Self.aes256CBC: cipherKeyLength = 32
                default:
                    throw CAError(.invalidConfiguration, "encrypted private key uses cipher \(cipher.oid); only AES-CBC is supported")
                }
                guard let ivNode = cipher.parameters, let iv = try? ASN1OctetString(derEncoded: ivNode), iv.bytes.count == 16 else {
                    throw CAError(.invalidConfiguration, "encrypted private key's AES-CBC IV is not 16 bytes")
                }
                if let keyLength, keyLength != cipherKeyLength {
                    throw CAError(.invalidConfiguration, "encrypted private key's PBKDF2 key length \(keyLength) does not fit its cipher")
                }
                guard (1...Self.maximumIterations).contains(iterations) else {
                    throw CAError(.invalidConfiguration, "encrypted private key's PBKDF2 iteration count \(iterations) is out of range")
                }
                return (Array(salt), iterations, try Self.hashFunction(prf), cipherKeyLength, Array(iv.bytes), Array(encrypted.bytes))
            }
        } catch let error as CAError {
            throw error
        } catch {
            throw CAError(.invalidConfiguration, "not a DER PKCS#8 EncryptedPrivateKeyInfo: \(error)")
        }
    }

    /// Decrypts to the DER PKCS#8 `PrivateKeyInfo`.
    ///
    /// - Throws: ``CAError/Code/invalidConfiguration`` for a wrong password (bad padding, or a
    ///   plaintext that is not DER).
    func decrypt(password: some DataProtocol) throws -> [UInt8] {
        let plaintext: Data
        do {
            let key = try KDF.Insecure.PBKDF2.deriveKey(
                from: Array(password), salt: salt, using: hashFunction, outputByteCount: keyLength, unsafeUncheckedRounds: iterations
            )
            plaintext = try AES._CBC.decrypt(encryptedData, using: key, iv: AES._CBC.IV(ivBytes: iv))
        } catch {
            throw CAError(.invalidConfiguration, "cannot decrypt the private key: wrong password or corrupted file")
        }
        // Valid padding still passes for about 1 in 256 wrong passwords; a DER SEQUENCE that spans
        // the whole plaintext makes a wrong guess practically impossible to miss.
        guard let node = try? DER.parse(Array(plaintext)), node.identifier == .sequence else {
            throw CAError(.invalidConfiguration, "cannot decrypt the private key: wrong password or corrupted file")
        }
        return Array(plaintext)
    }

    private static func algorithm(_ nodes: inout ASN1NodeCollection.Iterator) throws -> (oid: ASN1ObjectIdentifier, parameters: ASN1Node?) {
        guard let node = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "missing AlgorithmIdentifier") }
        return try DER.sequence(node, identifier: .sequence) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            let parameters = nodes.next()
            guard nodes.next() == nil else { throw ASN1Error.invalidASN1Object(reason: "trailing AlgorithmIdentifier fields") }
            return (oid, parameters)
        }
    }

    private static func hashFunction(_ prf: ASN1ObjectIdentifier) throws -> KDF.Insecure.PBKDF2.HashFunction {
        switch prf {
        case hmacWithSHA1: .insecureSHA1
        case hmacWithSHA256: .sha256
        case hmacWithSHA384: .sha384
        case hmacWithSHA512: .sha512
        default: throw CAError(.invalidConfiguration, "encrypted private key uses PRF \(prf); expected HMAC-SHA1/256/384/512")
        }
    }
}
