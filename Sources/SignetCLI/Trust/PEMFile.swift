import SigstoreCrypto
import SwiftASN1
import X509

/// Certificates and keys named on the command line, as PEM (any number of blocks) or DER.
enum PEMFile {
    /// Every certificate in the file, in file order: PEM `CERTIFICATE` blocks, or one DER
    /// certificate.
    static func certificates(at path: String, what: String) throws(CLIError) -> [Certificate] {
        let bytes = try LocalFile.read(path, what: what)
        do {
            if let text = String(validating: bytes, as: UTF8.self), text.contains("-----BEGIN") {
                let documents = try PEMDocument.parseMultiple(pemString: text)
                let certificates = try documents.filter { $0.discriminator == "CERTIFICATE" }.map { try Certificate(derEncoded: $0.derBytes) }
                guard !certificates.isEmpty else {
                    throw CLIError(.invalidDocument, "the \(what) \(path) holds no CERTIFICATE block")
                }
                return certificates
            }
            return [try Certificate(derEncoded: bytes)]
        } catch let error as CLIError {
            throw error
        } catch {
            throw CLIError(.invalidDocument, "the \(what) \(path) is not a PEM or DER certificate list: \(error)")
        }
    }

    /// The public key in the file (PEM `PUBLIC KEY`/`RSA PUBLIC KEY`, or DER SubjectPublicKeyInfo).
    static func publicKey(at path: String, what: String) throws(CLIError) -> PublicKey {
        let bytes = try LocalFile.read(path, what: what)
        do {
            return try PublicKey(pemOrDER: bytes)
        } catch {
            throw CLIError(.invalidDocument, "the \(what) \(path) is not a usable public key: \(error)")
        }
    }

    /// The DER encoding of `certificate`.
    static func der(_ certificate: Certificate) throws(CLIError) -> [UInt8] {
        do {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            return serializer.serializedBytes
        } catch {
            throw CLIError(.invalidDocument, "a certificate cannot be re-encoded: \(error)")
        }
    }
}
