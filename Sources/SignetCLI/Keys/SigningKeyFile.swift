import Foundation
import SigstoreCrypto

/// Reads a private key file named on the command line (`--key`): an unencrypted PEM key
/// (PKCS#8, SEC 1, PKCS#1) as it is, or a password-protected cosign key
/// (`ENCRYPTED SIGSTORE PRIVATE KEY` / `ENCRYPTED COSIGN PRIVATE KEY`) opened with the password
/// from ``KeyPassword``.
enum SigningKeyFile {
    /// The private key in the file at `path`.
    ///
    /// - Throws: ``CLIError`` `.unreadableFile` when the file cannot be read, `.invalidArgument`
    ///   when a needed password cannot be had, `.invalidDocument` for a wrong password, a
    ///   corrupted file or anything that is not a usable private key.
    static func read(_ path: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws(CLIError) -> PrivateKey {
        let pem = try LocalFile.readText(path, what: "private key")
        guard EncryptedSigningKey.isEncrypted(pem: pem) else {
            do {
                return try PrivateKey(pemEncoded: pem)
            } catch {
                throw CLIError(.invalidDocument, "the private key \(path) is not usable: \(reason(error))")
            }
        }
        let password = try KeyPassword.forExistingKey(path, environment: environment)
        do {
            return try EncryptedSigningKey.decrypt(pem: pem, password: password)
        } catch {
            throw CLIError(.invalidDocument, "cannot open the private key \(path): \(reason(error))")
        }
    }

    /// A ``CryptoError``'s message without its code prefix; anything else as it describes itself.
    static func reason(_ error: any Error) -> String {
        (error as? CryptoError)?.message ?? String(describing: error)
    }
}
