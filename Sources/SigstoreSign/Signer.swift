import Foundation
import ServiceClients
import SigstoreCrypto
public import SigstoreModels
import SigstoreVerify

/// Produces Sigstore bundles (v0.3): keyless with an identity token, or with a private key.
///
/// One run: choose services from the signing configuration (interop contract §10.4); for
/// keyless, make an ephemeral P-256 key and get a certificate for it; sign; timestamp the
/// signature at every selected TSA; log it in one transparency log; assemble the bundle; and,
/// when a trusted root is known, verify the bundle with ``SigstoreVerify/BundleVerifier`` before
/// returning it, so a bundle Signet would reject is never handed out.
///
/// ```swift
/// let signer = Signer(trustConfig: config)
/// let bundle = try await signer.sign(.artifact(bytes), with: .identityToken(token))
/// ```
public struct Signer: Sendable {
    public let signingConfig: SigningConfig
    /// Verifies every bundle before it is returned; nil skips that check.
    public let trustedRoot: TrustedRoot?
    public let options: SigningOptions

    public init(signingConfig: SigningConfig, trustedRoot: TrustedRoot?, options: SigningOptions = SigningOptions()) {
        self.signingConfig = signingConfig
        self.trustedRoot = trustedRoot
        self.options = options
    }

    public init(trustConfig: ClientTrustConfig, options: SigningOptions = SigningOptions()) {
        self.init(signingConfig: trustConfig.signingConfig, trustedRoot: trustConfig.trustedRoot, options: options)
    }

    /// Signs `content` as `credential`.
    ///
    /// - Throws: ``SigningError``: `.identityToken` for an expired, garbled or unverified token;
    ///   `.signingConfiguration` when no usable CA, log or (for Rekor v2) TSA is configured;
    ///   `.service` when a service is unreachable or refuses; `.inconsistentResponse` when the CA
    ///   certifies another key or the log records another entry; `.verificationFailed` when the
    ///   finished bundle does not verify.
    public func sign(_ content: SigningContent, with credential: SigningCredential) async throws -> SigstoreBundle {
        let now = options.clock()
        let services = try ServiceSelection.select(from: signingConfig, at: now, rekorVersion: options.rekorVersion)
        guard let log = services.transparencyLogs.first else {
            throw SigningError(.signingConfiguration, "the signing configuration names no usable transparency log")
        }
        // Rekor v2 entries carry no signed time: without a TSA the bundle could never verify, so
        // refuse before anything is logged (sigstore-python only finds out afterwards).
        if log.majorApiVersion >= 2, services.timestampAuthorities.isEmpty {
            throw SigningError(.signingConfiguration, "a Rekor v2 log needs a timestamp authority for signed time, and the signing configuration names none that is usable")
        }
        let identity = try await signingIdentity(for: credential, services: services, at: now)
        let signed = try SignedContent(content, key: identity.key)
        let timestamps = try await timestamp(signed.signature, at: services.timestampAuthorities, required: log.majorApiVersion >= 2)
        let entry = try await record(signed, identity: identity, in: log)
        let bundle = SigstoreBundle(
            version: .v0_3,
            verificationMaterial: .init(
                content: identity.material,
                tlogEntries: [entry],
                timestampVerificationData: timestamps.isEmpty ? nil : .init(rfc3161Timestamps: timestamps.map { .init(signedTimestamp: $0) })
            ),
            content: signed.bundleContent
        )
        try await verify(bundle, content: content, identity: identity)
        return bundle
    }

    /// Asks every selected TSA to stamp `signature`. A failure is fatal only when `required`
    /// and no timestamp at all was obtained (interop contract §10.4).
    private func timestamp(_ signature: [UInt8], at authorities: [SigningConfig.Service], required: Bool) async throws -> [[UInt8]] {
        var stamps: [[UInt8]] = []
        var failures: [String] = []
        for authority in authorities {
            do {
                stamps.append(try await TimestampAuthorityClient(url: authority.url).timestamp(signature: signature))
            } catch {
                failures.append(String(describing: error))
            }
        }
        if required, stamps.isEmpty {
            throw SigningError(.service, "no timestamp authority stamped the signature: \(failures.joined(separator: "; "))")
        }
        return stamps
    }

    /// Runs Signet's verifier over the finished bundle; the policy is the signer itself (the
    /// certificate's identity is whatever the CA bound, so any identity is accepted for keyless).
    private func verify(_ bundle: SigstoreBundle, content: SigningContent, identity: SigningIdentity) async throws {
        guard let trustedRoot else { return }
        let artifact: Artifact? = if case .artifact(let bytes) = content { .bytes(bytes) } else { nil }
        let policy: VerificationPolicy = identity.isKeyless ? .anyIdentity : .publicKey(identity.key.publicKey)
        do {
            let verifier = try BundleVerifier(trustedRoot: trustedRoot)
            _ = try await verifier.verify(bundle, artifact: artifact, policy: policy)
        } catch {
            throw SigningError(.verificationFailed, "the signed bundle does not verify against the trusted root, so it was not written: \(error)")
        }
    }
}
