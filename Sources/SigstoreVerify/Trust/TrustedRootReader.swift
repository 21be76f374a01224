import Foundation
import SigstoreCrypto
import SigstoreModels

/// The rules for reading keys and periods out of a trusted root, shared by its log, CT log,
/// CA and TSA entries. Anything malformed is an ``VerificationError/Code/invalidTrustedRoot``:
/// a trust configuration is read once, so it is better to refuse it loudly than to skip part
/// of it quietly.
enum TrustedRootReader {
    /// The key `material` holds, in the encoding its `keyDetails` names (interop contract §10.1).
    static func publicKey(_ material: PublicKeyMaterial?, at label: String) throws(VerificationError) -> PublicKey {
        guard let material, let raw = material.rawBytes, !raw.isEmpty else {
            throw VerificationError(.invalidTrustedRoot, "\(label).publicKey has no rawBytes")
        }
        do {
            switch material.keyDetails {
            case PublicKeyDetails.pkcs1RSAPKCS1v5.rawValue, PublicKeyDetails.pkcs1RSAPSS.rawValue:
                return try PublicKey(pkcs1RSADER: raw)
            case PublicKeyMaterial.unspecifiedKeyDetails:
                return try PublicKey(derEncoded: raw)
            default:
                guard let details = PublicKeyDetails(rawValue: material.keyDetails), details.isSupported else {
                    throw VerificationError(.invalidTrustedRoot, "\(label).publicKey.keyDetails \(material.keyDetails) is not supported")
                }
                let key = try PublicKey(derEncoded: raw)
                guard details.isCompatible(with: key.algorithm) else {
                    throw VerificationError(.invalidTrustedRoot, "\(label).publicKey is a \(key.algorithm) key, not \(details.rawValue)")
                }
                return key
            }
        } catch let error as VerificationError {
            throw error
        } catch {
            throw VerificationError(.invalidTrustedRoot, "\(label).publicKey is unusable: \(error)")
        }
    }

    /// Refuses a period that ends before it starts.
    static func checkOrder(of period: TimeRange?, at label: String) throws(VerificationError) {
        if let start = period?.start, let end = period?.end, end < start {
            throw VerificationError(.invalidTrustedRoot, "\(label).validFor ends before it starts")
        }
    }

    /// The host of a log's base URL, which Rekor v2 uses as its checkpoint origin and key name.
    static func hostname(of baseURL: String) -> String? {
        guard let host = URL(string: baseURL)?.host, !host.isEmpty else { return nil }
        return host
    }
}
