import SigstoreModels

/// The Sigstore public-good instances whose trust material is compiled into `signet`: the
/// trusted root that verification uses when no `--trusted-root` or `--trust-config` is given (so
/// it works offline out of the box), and the signing config that `sign-blob` and `attest-blob`
/// use when no `--signing-config` or `--trust-config` names the services.
///
/// Refreshing (after Sigstore rotates a key, adds a log or moves a service): take the current
/// `trusted_root.json` and `signing_config.v0.2.json` targets of the instance's TUF repository
/// (`tuf-repo-cdn.sigstore.dev` for production, `tuf-repo-cdn.sigstage.dev` for staging; the
/// `sigstore` Python package ships copies under `sigstore/_store/`), replace the fixtures
/// `Tests/SigstoreModelsTests/Fixtures/public-good-trusted-root.json` and
/// `Tests/SignetCLITests/Fixtures/public-good-signing-config.json` (or the staging ones), and paste
/// the same JSON verbatim between the `#"""` delimiters of the matching `SigstoreInstance+….swift`
/// file. `EmbeddedTrustedRootTests` and `EmbeddedSigningConfigTests` fail until both copies agree.
enum SigstoreInstance: String, CaseIterable, Sendable {
    /// Sigstore's public-good production instance (`rekor.sigstore.dev`, `fulcio.sigstore.dev`).
    case publicGood
    /// Sigstore's public-good staging instance (`rekor.sigstage.dev`, `fulcio.sigstage.dev`).
    case staging

    /// The instance's TrustedRoot as published.
    var trustedRootDocument: String {
        switch self {
        case .publicGood: Self.publicGoodTrustedRootDocument
        case .staging: Self.stagingTrustedRootDocument
        }
    }

    /// The instance's SigningConfig as published.
    var signingConfigDocument: String {
        switch self {
        case .publicGood: Self.publicGoodSigningConfigDocument
        case .staging: Self.stagingSigningConfigDocument
        }
    }

    /// The parsed trusted root.
    func trustedRoot() throws(CLIError) -> TrustedRoot {
        try decode(TrustedRoot.self, trustedRootDocument, what: "trusted root")
    }

    /// The parsed signing configuration.
    func signingConfig() throws(CLIError) -> SigningConfig {
        try decode(SigningConfig.self, signingConfigDocument, what: "signing config")
    }

    private func decode<T: Decodable>(_ type: T.Type, _ document: String, what: String) throws(CLIError) -> T {
        do {
            return try ProtoJSON.decode(type, from: Array(document.utf8))
        } catch {
            // Only a bad edit of the embedded JSON gets here; the tests parse every document.
            throw CLIError(.invalidDocument, "the embedded \(rawValue) \(what) is not valid: \(error)")
        }
    }
}
