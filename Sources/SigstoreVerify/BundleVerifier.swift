public import Foundation
public import SigstoreModels

/// Verifies Sigstore bundles completely and offline against one trusted root (interop contract
/// §11), failing closed: any check that does not pass rejects the bundle with a
/// ``VerificationError`` whose ``VerificationError/code`` says which rule failed.
///
/// Build one per trusted root and reuse it: the root's keys and certificates are parsed once,
/// and the verifier is `Sendable`, so concurrent verifications can share it.
///
/// ```swift
/// let verifier = try BundleVerifier(trustedRoot: root)
/// let result = try await verifier.verify(
///     bundle, artifact: .file(url),
///     policy: .identity(san: .exact("alice@example.com"), issuer: .exact("https://accounts.google.com")))
/// ```
public struct BundleVerifier: Sendable {
    let material: TrustedMaterial
    let logVerifier: TransparencyLogVerifier

    /// Parses and checks every key and certificate in `trustedRoot`.
    ///
    /// - Throws: ``VerificationError/Code/invalidTrustedRoot`` naming the first unusable entry
    ///   (a malformed or unsupported key, a certificate that does not parse, a period that ends
    ///   before it starts, a TSA chain without its root).
    public init(trustedRoot: TrustedRoot) throws(VerificationError) {
        material = try TrustedMaterial(trustedRoot)
        logVerifier = TransparencyLogVerifier(logs: material.logs)
    }

    /// Verifies `bundle` as signing `artifact` under `policy`.
    ///
    /// The checks, in order: the structure rules of the bundle's version; the signer (the leaf
    /// certificate, never other bundle certificates; or the policy's managed key); the identity
    /// policy; the signature over the artifact or the DSSE envelope; every RFC 3161 timestamp;
    /// the transparency log entry (body, inclusion proof, checkpoint, SET); at least one trusted
    /// time; the certificate chain at every trusted time; the embedded SCT.
    ///
    /// - Parameters:
    ///   - artifact: What was signed. `nil` skips tying the signature to an artifact, which
    ///     proves only that the bundle is well signed (``VerificationResult/artifactVerified``
    ///     is then `false`).
    ///   - policy: Who must have signed.
    public func verify(_ bundle: SigstoreBundle, artifact: Artifact?, policy: VerificationPolicy) async throws(VerificationError)
        -> VerificationResult
    {
        try policy.validate()
        try Self.checkStructure(of: bundle)
        let entry = bundle.verificationMaterial.tlogEntries[0]
        let body = try LoggedBody(entry)
        let signer = try Signer(bundle.verificationMaterial, policy: policy)
        var identity: SigningCertificate?
        if case .certificate(let certificate, _, _) = signer {
            let named = SigningCertificate(certificate)
            try Self.checkIdentity(named, against: policy)
            identity = named
        }
        let (content, statement) = try SignatureVerification.verify(
            bundle, signer: signer, artifact: artifact, loggedAlgorithm: body.messageDigestAlgorithm)
        let timestampTimes = try await verifyTimestamps(bundle.verificationMaterial.rfc3161Timestamps, over: content.signature)
        let logEntry = try logVerifier.verify(entry, body: body, content: content, timestampTimes: timestampTimes.map(\.date))

        var times = timestampTimes
        if let integratedTime = logEntry.integratedTime {
            times.append(VerifiedTime(date: integratedTime, source: .transparencyLog(logEntry.baseURL)))
        }
        guard !times.isEmpty else {
            throw VerificationError(.noTrustedTime, "no trusted time: the bundle has no verified RFC 3161 timestamp and no Rekor v1 signed entry timestamp")
        }
        times.sort { $0.date < $1.date }

        let resultSigner: VerificationResult.Signer
        if var identity {
            // An integrated time the log did not sign is no trusted time, but sigstore-go still
            // requires the certificate to have been valid then; do the same.
            if entry.integratedTime > 0, logEntry.integratedTime == nil {
                try Self.checkValidity(of: identity, at: Date(timeIntervalSince1970: TimeInterval(entry.integratedTime)))
            }
            identity.chain = try await verifyChain(of: identity, at: times.map(\.date))
            try verifySCT(of: identity)
            resultSigner = .certificate(identity)
        } else {
            resultSigner = .publicKey(signer.key)
        }
        return VerificationResult(
            bundleVersion: bundle.version, signer: resultSigner, verifiedTimes: times, logEntry: logEntry, statement: statement,
            artifactVerified: artifact != nil)
    }

    /// Decodes a bundle document strictly (protobuf-JSON, interop contract §1.2) and verifies it.
    ///
    /// - Throws: ``VerificationError/Code/invalidBundle`` when the document is not a bundle this
    ///   library reads, or any error of ``verify(_:artifact:policy:)``.
    public func verify(bundleJSON: some DataProtocol, artifact: Artifact?, policy: VerificationPolicy) async throws(VerificationError)
        -> VerificationResult
    {
        guard bundleJSON.count <= VerificationLimits.maximumBundleSize else {
            throw VerificationError(.invalidBundle, "the bundle is larger than \(VerificationLimits.maximumBundleSize) bytes")
        }
        let bundle: SigstoreBundle
        do {
            bundle = try ProtoJSON.decode(SigstoreBundle.self, from: bundleJSON)
        } catch {
            throw VerificationError(.invalidBundle, "not a valid bundle: \(error)")
        }
        return try await verify(bundle, artifact: artifact, policy: policy)
    }
}
