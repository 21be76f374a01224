import ArgumentParser
import Foundation
import ServiceClients
import SigstoreModels

/// Which log to read (`--rekor-url`) and which trusted root says what its key is.
struct LogServerOptions: ParsableArguments {
    @Option(
        name: .customLong("rekor-url"),
        help: ArgumentHelp(
            "The log's base URL. Default: the first Rekor v1 URL of --trust-config's signing config, else https://rekor.sigstore.dev (https://rekor.sigstage.dev with --staging).",
            valueName: "url"))
    var rekorURL: String?

    @OptionGroup(title: "Trust")
    var trust: TrustOptions

    /// The public-good production log, used when nothing names another.
    static let publicGoodURL = "https://rekor.sigstore.dev"
    /// The public-good staging log.
    static let stagingURL = "https://rekor.sigstage.dev"

    /// The log URL the flags name.
    func logURL() throws(CLIError) -> String {
        let url: String
        if let rekorURL {
            url = rekorURL
        } else if let path = trust.trustConfig {
            let config = try LocalFile.decode(ClientTrustConfig.self, at: path, what: "trust config")
            guard let service = config.signingConfig.rekorTlogUrls.first(where: { $0.majorApiVersion == 1 }) else {
                throw CLIError(.invalidArgument, "the trust config \(path) names no Rekor v1 log; pass --rekor-url")
            }
            url = service.url
        } else {
            url = trust.staging ? Self.stagingURL : Self.publicGoodURL
        }
        guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased()), parsed.host != nil else {
            throw CLIError(.invalidArgument, "\(String(reflecting: url)) is not an http(s) URL")
        }
        return url
    }

    /// A client for the log the flags name.
    func client() throws(CLIError) -> RekorV1ReadClient {
        RekorV1ReadClient(baseURL: try logURL(), httpClient: LogHTTPClient.shared)
    }

    /// The v1 log keys of the trusted root the flags name.
    func trustedKeys() throws -> TrustedLogKeys {
        try TrustedLogKeys(trust.loadTrustedRoot())
    }
}
