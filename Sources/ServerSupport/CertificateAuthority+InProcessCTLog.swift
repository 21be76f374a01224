import CAService
import CTLogService
import CertificateTransparency
import OIDC

extension CertificateAuthority {
    /// The CA as `signetd` hosts it, in `--dev` and `serve --config` alike: precertificates go
    /// to the CT log in the same process, whose key is the one the issuance self-check trusts,
    /// and tokens are verified against exactly the issuers of `issuers`.
    static func withInProcessCTLog(keys: CertificateAuthorityKeys, issuers: IssuerConfiguration, ctLog: CTLog) throws -> CertificateAuthority {
        CertificateAuthority(
            certificateIssuer: CodeSigningCertificateIssuer(
                keys: keys, log: InProcessPrecertificateLog(log: ctLog), trustedLogs: [try TrustedCTLog(publicKey: ctLog.publicKey)]
            ),
            issuers: issuers,
            tokenVerifier: try IdentityTokenVerifier(configuration: .init(issuers: issuers.allowedIssuers))
        )
    }
}
