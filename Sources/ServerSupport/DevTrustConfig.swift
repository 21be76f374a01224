import Foundation
import SigstoreCrypto
import SigstoreModels
import SwiftASN1
import X509

/// The ClientTrustConfig that describes a `signetd --dev` stack (interop contract §10.5): the
/// reference clients take it as-is with `--trust-config`, and so does `signet`.
struct DevTrustConfig {
    /// A Rekor log of the stack: its API version, key and the log ID clients look it up by.
    struct RekorLog {
        var majorAPIVersion: UInt32
        var publicKey: PublicKey
        var logID: [UInt8]
    }

    static let serviceOperator = "signet.dev"

    /// `http://host:port`, the single origin every service sits on.
    var baseURL: String
    /// The CA chain, issuing certificate first and root last.
    var certificateAuthorityChain: [Certificate]
    var ctLogKey: PublicKey
    var rekorLogs: [RekorLog]
    /// The TSA chain, leaf first and root last.
    var timestampAuthorityChain: [Certificate]
    /// When the stack's keys came into use; every `validFor` starts here.
    var validFrom: Date

    func clientTrustConfig() throws -> ClientTrustConfig {
        ClientTrustConfig(trustedRoot: try trustedRoot(), signingConfig: signingConfig())
    }

    func trustedRoot() throws -> TrustedRoot {
        let validity = TimeRange(start: ProtoTimestamp(validFrom))
        let tlogs = rekorLogs.map { log in
            TransparencyLogInstance(
                baseUrl: baseURL,
                publicKey: PublicKeyMaterial(rawBytes: log.publicKey.derRepresentation, keyDetails: log.publicKey.defaultDetails.rawValue, validFor: validity),
                logId: LogId(keyId: log.logID),
                operator: Self.serviceOperator
            )
        }
        let ctlog = TransparencyLogInstance(
            baseUrl: baseURL,
            publicKey: PublicKeyMaterial(rawBytes: ctLogKey.derRepresentation, keyDetails: ctLogKey.defaultDetails.rawValue, validFor: validity),
            logId: LogId(keyId: ctLogKey.keyID),
            operator: Self.serviceOperator
        )
        return TrustedRoot(
            tlogs: tlogs,
            certificateAuthorities: [try authority(certificateAuthorityChain, uri: baseURL, commonName: "signet-dev-ca", validity: validity)],
            ctlogs: [ctlog],
            timestampAuthorities: [try authority(timestampAuthorityChain, uri: baseURL + "/api/v1/timestamp", commonName: "signet-dev-tsa", validity: validity)]
        )
    }

    func signingConfig() -> SigningConfig {
        let validity = TimeRange(start: ProtoTimestamp(validFrom))
        func service(_ url: String, version: UInt32 = 1) -> SigningConfig.Service {
            SigningConfig.Service(url: url, majorApiVersion: version, validFor: validity, operator: Self.serviceOperator)
        }
        return SigningConfig(
            caUrls: [service(baseURL)],
            oidcUrls: [service(baseURL + "/oidc")],
            rekorTlogUrls: rekorLogs.sorted { $0.majorAPIVersion > $1.majorAPIVersion }.map { service(baseURL, version: $0.majorAPIVersion) },
            rekorTlogConfig: .init(selector: .any),
            tsaUrls: [service(baseURL + "/api/v1/timestamp")],
            tsaConfig: .init(selector: .any)
        )
    }

    private func authority(_ chain: [Certificate], uri: String, commonName: String, validity: TimeRange) throws -> TrustedRoot.CertificateAuthority {
        var certificates: [X509Certificate] = []
        for certificate in chain {
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            certificates.append(X509Certificate(rawBytes: serializer.serializedBytes))
        }
        return TrustedRoot.CertificateAuthority(
            subject: TrustedRoot.DistinguishedName(organization: Self.serviceOperator, commonName: commonName),
            uri: uri,
            certChain: X509CertificateChain(certificates: certificates),
            validFor: validity,
            operator: Self.serviceOperator
        )
    }
}
