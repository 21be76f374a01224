import SigstoreModels

/// The signing configurations compiled into `signet`, used by `sign-blob` and `attest-blob` when
/// no `--signing-config` or `--trust-config` names the services: the public-good instance's
/// CA, OIDC issuer, Rekor logs and TSA, as its TUF repository publishes them.
///
/// Refreshing: take the current `signing_config.v0.2.json` target of the instance's TUF
/// repository (`tuf-repo-cdn.sigstore.dev`, `tuf-repo-cdn.sigstage.dev`; the `sigstore` Python
/// package ships a copy under `sigstore/_store/`), replace
/// `Tests/SignetCLITests/Fixtures/public-good-signing-config.json` (or the staging one) with it, and
/// paste the same JSON verbatim between the `#"""` delimiters of
/// `EmbeddedSigningConfig+PublicGood.swift` (or `+Staging.swift`). `EmbeddedSigningConfigTests`
/// fails until both copies agree.
enum EmbeddedSigningConfig: String, CaseIterable, Sendable {
    /// Sigstore's public-good production instance.
    case publicGood
    /// Sigstore's public-good staging instance.
    case staging

    /// The document as published.
    var document: String {
        switch self {
        case .publicGood: Self.publicGoodDocument
        case .staging: Self.stagingDocument
        }
    }

    /// The parsed signing configuration.
    func signingConfig() throws(CLIError) -> SigningConfig {
        do {
            return try ProtoJSON.decode(SigningConfig.self, from: Array(document.utf8))
        } catch {
            // Only a bad edit of the embedded JSON gets here; the tests parse both documents.
            throw CLIError(.invalidDocument, "the embedded \(rawValue) signing config is not valid: \(error)")
        }
    }
}
