import CAService
import CTLogService
import Foundation
import Logging
import SigstoreCrypto
import SwiftASN1
import X509

extension ProductionStack {
    /// Loads the CA's key, chain and issuers, then opens its CT log and builds the CA on it.
    /// Files are checked before the CT log's storage is opened.
    mutating func addCertificateAuthority(
        _ settings: ServeConfiguration.CertificateAuthority, ctLog ctSettings: ServeConfiguration.CTLog, logger: Logger, now: Date = Date()
    ) async throws {
        let keys = try Self.loadCertificateAuthorityKeys(settings, now: now)
        let issuers = try Self.loadIssuers(settings)
        let ctLog = try await addCTLog(ctSettings, acceptingRoot: keys.root, logger: logger)
        services.certificateAuthority = try CertificateAuthority.withInProcessCTLog(keys: keys, issuers: issuers, ctLog: ctLog)
        logger.info("certificate authority ready", metadata: [
            "issuer": "\(keys.issuingCertificate.subject)", "oidc-issuers": "\(issuers.allowedIssuers.count)",
        ])
    }

    /// The issuing key with its chain, checked: the key is the first certificate's, each
    /// certificate is a CA signed by the next, the last is a self-signed root, and every
    /// certificate is valid now.
    static func loadCertificateAuthorityKeys(_ settings: ServeConfiguration.CertificateAuthority, now: Date) throws -> CertificateAuthorityKeys {
        let key = try loadKey(settings.signingKey)
        let chainKey = "certificate-authority.certificate-chain"
        let pem: String
        do {
            pem = try String(contentsOfFile: settings.certificateChain, encoding: .utf8)
        } catch {
            throw ServeConfigurationError("\(chainKey): cannot read \(settings.certificateChain): \(error.localizedDescription)")
        }
        let chain: [Certificate]
        do {
            chain = try PEMDocument.parseMultiple(pemString: pem).map { try Certificate(pemDocument: $0) }
        } catch {
            throw ServeConfigurationError("\(chainKey) (\(settings.certificateChain)): not PEM certificates: \(error)")
        }
        let keys: CertificateAuthorityKeys
        do {
            keys = try CertificateAuthorityKeys(signer: key, chain: chain)
        } catch let error as CAError {
            throw ServeConfigurationError("certificate-authority: \(settings.signingKey.key) (\(settings.signingKey.path)) and \(chainKey) (\(settings.certificateChain)) cannot issue: \(error.message)")
        }
        for certificate in keys.chain where now < certificate.notValidBefore || now > certificate.notValidAfter {
            throw ServeConfigurationError("\(chainKey) (\(settings.certificateChain)): \(certificate.subject) is valid from \(certificate.notValidBefore) to \(certificate.notValidAfter), not now (\(now))")
        }
        return keys
    }

    /// The Fulcio-style issuer configuration file.
    static func loadIssuers(_ settings: ServeConfiguration.CertificateAuthority) throws -> IssuerConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: settings.issuers, encoding: .utf8)
        } catch {
            throw ServeConfigurationError("certificate-authority.issuers: cannot read \(settings.issuers): \(error.localizedDescription)")
        }
        do {
            return try IssuerConfiguration(yaml: text)
        } catch let error as CAError {
            throw ServeConfigurationError("certificate-authority.issuers (\(settings.issuers)): \(error.message)")
        }
    }
}
