import Foundation
import SignedNote
import SigstoreCrypto
import SigstoreModels
import SwiftASN1
import X509

/// Builds the entries of a TrustedRoot from certificate and key files (interop contract §10.1).
enum TrustedRootEntries {
    /// A CA or TSA from its chain file. `start` defaults to the first certificate's notBefore,
    /// the earliest time the whole chain can be valid; the subject is the last certificate's.
    static func authority(
        chainAt path: String, what: String, url: String?, start: ProtoTimestamp?, operator serviceOperator: String
    ) throws(CLIError) -> TrustedRoot.CertificateAuthority {
        let certificates = try PEMFile.certificates(at: path, what: what)
        let anchor = certificates[certificates.count - 1]
        var chain: [X509Certificate] = []
        for certificate in certificates {
            chain.append(X509Certificate(rawBytes: try PEMFile.der(certificate)))
        }
        return TrustedRoot.CertificateAuthority(
            subject: TrustedRoot.DistinguishedName(
                organization: attribute(.RDNAttributeType.organizationName, of: anchor.subject) ?? serviceOperator,
                commonName: attribute(.RDNAttributeType.commonName, of: anchor.subject) ?? ""),
            uri: url ?? "", certChain: X509CertificateChain(certificates: chain),
            validFor: TimeRange(start: start ?? ProtoTimestamp(certificates[0].notValidBefore)), operator: serviceOperator)
    }

    /// A CT log: its log ID is SHA-256 of the key's DER SubjectPublicKeyInfo (§3.2).
    static func ctLog(keyAt path: String, url: String?, start: ProtoTimestamp, operator serviceOperator: String) throws(CLIError)
        -> TransparencyLogInstance
    {
        let key = try PEMFile.publicKey(at: path, what: "CT log key")
        return TransparencyLogInstance(
            baseUrl: url ?? "", publicKey: material(key, start: start), logId: LogId(keyId: key.keyID), operator: serviceOperator)
    }

    /// A Rekor log. Version 1 logs are named by SHA-256(SPKI); version 2 logs by the signed-note
    /// key ID of §6.2, built from the checkpoint origin (by default the URL's host).
    static func rekorLog(
        keyAt path: String, url: String, apiVersion: UInt32, origin: String?, start: ProtoTimestamp, operator serviceOperator: String
    ) throws(CLIError) -> TransparencyLogInstance {
        guard let components = URLComponents(string: url), let scheme = components.scheme, ["http", "https"].contains(scheme),
            let host = components.host, !host.isEmpty
        else {
            throw CLIError(.invalidArgument, "--rekor-url \(url) is not an http(s) URL")
        }
        let key = try PEMFile.publicKey(at: path, what: "Rekor key")
        let logID: [UInt8]
        if apiVersion == 2 {
            let name = origin ?? host
            switch key.algorithm {
            case .ed25519:
                logID = LogID(name: name, type: .ed25519, keyMaterial: key.rawEd25519 ?? []).bytes
            case .rsa:
                logID = LogID(origin: name, rsaSubjectPublicKeyInfo: key.derRepresentation).bytes
            case .ecdsaP256, .ecdsaP384, .ecdsaP521:
                logID = key.keyID
            }
        } else {
            logID = key.keyID
        }
        return TransparencyLogInstance(
            baseUrl: url, publicKey: material(key, start: start), logId: LogId(keyId: logID), operator: serviceOperator)
    }

    private static func material(_ key: PublicKey, start: ProtoTimestamp) -> PublicKeyMaterial {
        PublicKeyMaterial(rawBytes: key.derRepresentation, keyDetails: key.defaultDetails.rawValue, validFor: TimeRange(start: start))
    }

    private static func attribute(_ type: ASN1ObjectIdentifier, of name: DistinguishedName) -> String? {
        for relativeName in name {
            for attribute in relativeName where attribute.type == type {
                return attribute.value.description
            }
        }
        return nil
    }
}
