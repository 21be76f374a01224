import SigstoreModels

/// The trusted roots compiled into `signet`, used when no `--trusted-root` or `--trust-config`
/// is given, so verification works offline out of the box.
///
/// Refreshing (after Sigstore rotates a key or adds a log): take the current `trusted_root.json`
/// target of the instance's TUF repository (`tuf-repo-cdn.sigstore.dev` for production,
/// `tuf-repo-cdn.sigstage.dev` for staging; the `sigstore` Python package ships a copy under
/// `sigstore/_store/`), replace `Tests/SigstoreModelsTests/Fixtures/public-good-trusted-root.json`
/// (or the staging one) with it, and paste the same JSON verbatim between the `#"""` delimiters
/// of `EmbeddedTrustedRoot+PublicGood.swift` (or `+Staging.swift`). `EmbeddedTrustedRootTests`
/// fails until both copies agree.
enum EmbeddedTrustedRoot: String, CaseIterable, Sendable {
    /// Sigstore's public-good production instance (`rekor.sigstore.dev`, `fulcio.sigstore.dev`).
    case publicGood
    /// Sigstore's public-good staging instance (`rekor.sigstage.dev`, `fulcio.sigstage.dev`).
    case staging

    /// The document as published.
    var document: String {
        switch self {
        case .publicGood: Self.publicGoodDocument
        case .staging: Self.stagingDocument
        }
    }

    /// The parsed trusted root.
    func trustedRoot() throws(CLIError) -> TrustedRoot {
        do {
            return try ProtoJSON.decode(TrustedRoot.self, from: Array(document.utf8))
        } catch {
            // Only a bad edit of the embedded JSON gets here; the tests parse both documents.
            throw CLIError(.invalidDocument, "the embedded \(rawValue) trusted root is not valid: \(error)")
        }
    }
}
