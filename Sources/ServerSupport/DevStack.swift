import DevIdentityProvider
import Foundation
import RFC3161
import SigstoreCrypto
import TSAService
import X509

/// The whole stack on embedded defaults, for `signetd --dev`: keys and certificates are created
/// under the data directory on first start and reused afterwards, so bundles signed yesterday still
/// verify against today's trust configuration.
struct DevStack {
    var services: HostedServices

    static func prepare(dataDirectory: URL, host: String, port: Int, now: Date) throws -> DevStack {
        let files = DataDirectory(root: dataDirectory)
        try files.create()
        let timestampAuthority = try makeTimestampAuthority(files: files, now: now)
        let devIdentityProvider = try makeDevIdentityProvider(files: files, host: host, port: port)
        return DevStack(services: HostedServices(timestampAuthority: timestampAuthority, devIdentityProvider: devIdentityProvider))
    }

    /// The dev issuer is `http://<host>:<port>/oidc`; its ES256 key persists, so tokens and the
    /// JWKS a CA cached stay valid across restarts.
    private static func makeDevIdentityProvider(files: DataDirectory, host: String, port: Int) throws -> DevIdentityProvider {
        let key = try files.privateKey("oidc/signing-key.pem", creating: .ecdsaP256)
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        return try DevIdentityProvider(issuer: "http://\(authority)/oidc", signingKey: key)
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
