import CAService
import CTLogService
import CertificateTransparency
import DevIdentityProvider
public import Foundation
public import Prometheus
import OIDC
import RFC3161
import SigstoreCrypto
import TSAService
import X509

/// The whole stack on embedded defaults, for `signetd --dev`: keys and certificates are created
/// under the data directory on first start and reused afterwards, so bundles signed yesterday still
/// verify against today's trust configuration.
///
/// Public so that tests and embedders can run the same stack in-process.
public struct DevStack: Sendable {
    public var services: HostedServices

    /// - Parameter metrics: where the transparency logs report their appends (as `serve --config`
    ///   does); nil reports nothing.
    public static func prepare(
        dataDirectory: URL, host: String, port: Int, now: Date, metrics: PrometheusCollectorRegistry? = nil
    ) throws -> DevStack {
        let files = DataDirectory(root: dataDirectory)
        try files.create()
        let timestampAuthority = try makeTimestampAuthority(files: files, now: now)
        let devIdentityProvider = try makeDevIdentityProvider(files: files, host: host, port: port)
        let (certificateAuthority, ctLog) = try makeCertificateAuthority(files: files, host: host, port: port, now: now)
        let transparencyLog = try makeTransparencyLogs(files: files, host: host, metrics: metrics)
        return DevStack(services: HostedServices(
            timestampAuthority: timestampAuthority,
            devIdentityProvider: devIdentityProvider,
            certificateAuthority: certificateAuthority,
            ctLog: ctLog,
            transparencyLog: transparencyLog
        ))
    }

    /// The dev issuer is `http://<host>:<port>/oidc`, and GitHub-Actions-shaped tokens come from
    /// `…/oidc/github-actions`; its ES256 key persists, so tokens and the JWKS a CA cached stay
    /// valid across restarts.
    private static func makeDevIdentityProvider(files: DataDirectory, host: String, port: Int) throws -> DevIdentityProvider {
        let key = try files.privateKey("oidc/signing-key.pem", creating: .ecdsaP256)
        return try DevIdentityProvider(issuer: issuerURL(host: host, port: port), signingKey: key, separateGitHubActionsIssuer: true)
    }

    /// `http://<host>:<port>/oidc`, with an IPv6 host in brackets.
    static func issuerURL(host: String, port: Int) -> String {
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return "http://\(authority)/oidc"
    }

    /// The CA: a P-384 root and intermediate under `ca/` (the root key is discarded after signing
    /// the intermediate; `signetd ca init --out DATA/ca` makes another kind, e.g. P-256),
    /// accepting email identities from the dev issuer and GitHub Actions identities (type
    /// `github-workflow`, with the Sigstore extensions) from its `/github-actions` issuer. Port 0
    /// accepts both on any port of `host`, since the real one is known only once the server listens.
    ///
    /// SCTs come from the CT log in the same process (key `ctlog/signing-key.pem`), which
    /// accepts the dev CA's root and is returned for hosting at `/ct/v1`.
    private static func makeCertificateAuthority(files: DataDirectory, host: String, port: Int, now: Date) throws -> (CertificateAuthority, CTLog) {
        let keys: CertificateAuthorityKeys
        let keyFile = files.url("ca/intermediate-key.pem")
        let chainFile = files.url("ca/chain.pem")
        if FileManager.default.fileExists(atPath: keyFile.path), FileManager.default.fileExists(atPath: chainFile.path) {
            keys = try CertificateAuthorityKeys(
                privateKeyPEM: String(contentsOf: keyFile, encoding: .utf8),
                chainPEM: String(contentsOf: chainFile, encoding: .utf8)
            )
        } else {
            let generated = try CertificateAuthorityKeys.generate(
                organization: "signet.dev", commonName: "signet-dev-ca", notValidBefore: now.addingTimeInterval(-3600)
            )
            try files.write(generated.intermediateKey.pemRepresentation, to: "ca/intermediate-key.pem", secret: true)
            try files.write(try generated.keys.chainPEM().joined(), to: "ca/chain.pem", secret: false)
            keys = generated.keys
        }
        let ctLog = try makeCTLog(files: files, acceptingRootOf: keys)
        let authority = host.contains(":") ? "[\(host)]" : host
        let base = "http://\(authority):\(port == 0 ? "*" : String(port))/oidc"
        let accepted = [
            IssuerSettings(issuerURL: base, type: .email),
            IssuerSettings(issuerURL: base + DevIdentityProvider.githubActionsIssuerPath, type: .githubWorkflow),
        ]
        let issuers = port == 0
            ? try IssuerConfiguration(issuers: [], metaIssuers: accepted)
            : try IssuerConfiguration(issuers: accepted)
        return (try CertificateAuthority.withInProcessCTLog(keys: keys, issuers: issuers, ctLog: ctLog), ctLog)
    }

    private static func makeTimestampAuthority(files: DataDirectory, now: Date) throws -> TimestampAuthority {
        let key = try files.privateKey("tsa/signing-key.pem", creating: .ecdsaP256)
        let chainFile = files.url("tsa/chain.pem")
        let chain: TSACertificateChain
        if FileManager.default.fileExists(atPath: chainFile.path) {
            chain = try TSACertificateChain(pemEncoded: String(contentsOf: chainFile, encoding: .utf8))
        } else {
            // The root key signs once and is then thrown away: nothing else may issue TSA certificates.
            let rootKey = try PrivateKey.generate(.ecdsaP384)
            chain = try TSACertificateChain.generate(
                leafKey: key.publicKey,
                leafSubject: try DistinguishedName { OrganizationName("signet.dev"); CommonName("signet-dev-tsa") },
                rootKey: rootKey,
                rootSubject: try DistinguishedName { OrganizationName("signet.dev"); CommonName("signet-dev-tsa-root") },
                notValidBefore: now.addingTimeInterval(-3600),
                notValidAfter: now.addingTimeInterval(10 * 365 * 86400)
            )
            try files.write(chain.pemEncoded(), to: "tsa/chain.pem", secret: false)
        }
        return try TimestampAuthority(signer: key, certificateChain: chain)
    }
}
