import SigstoreModels
import SigstoreVerify

/// The steps both verify commands share: check the inputs, build the policy and the verifier,
/// read the bundle and hand everything to ``BundleVerifier``.
struct BlobVerification {
    let artifact: ArtifactReference
    let bundlePath: String
    let identity: IdentityOptions
    let trust: TrustOptions

    /// Verifies the bundle, first requiring `requirement` of it when given (for example that it
    /// holds a DSSE envelope).
    func verify(requiring requirement: ((SigstoreBundle) throws(CLIError) -> Void)? = nil) async throws -> VerificationResult {
        try artifact.checkReadable()
        let policy = try identity.policy()
        let verifier = try trust.verifier()
        let bytes = try LocalFile.read(bundlePath, what: "bundle")
        let bundle: SigstoreBundle
        do {
            bundle = try ProtoJSON.decode(SigstoreBundle.self, from: bytes)
        } catch {
            throw VerificationError(.invalidBundle, "the bundle \(bundlePath) is not valid: \(error)")
        }
        try requirement?(bundle)
        return try await verifier.verify(bundle, artifact: artifact.artifact, policy: policy)
    }
}
