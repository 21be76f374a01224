import ArgumentParser
import Foundation
import SigstoreModels

/// `signet signing-config create`: writes a SigningConfig v0.2 naming a deployment's CA, OIDC
/// issuer, Rekor logs and TSAs (interop contract §10.2).
struct SigningConfigCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a SigningConfig (v0.2) listing CA, OIDC, Rekor and TSA services.",
        discussion: """
            CA and Rekor URLs are base URLs; a TSA URL is its full timestamp endpoint; an OIDC URL is the \
            issuer. The n-th --rekor-api-version belongs to the n-th --rekor-url (one value applies to all).
            """)

    @Option(help: ArgumentHelp("A Fulcio-compatible CA base URL.", valueName: "url"))
    var caUrl: [String] = []

    @Option(help: ArgumentHelp("An OIDC issuer URL.", valueName: "url"))
    var oidcUrl: [String] = []

    @Option(help: ArgumentHelp("A Rekor log base URL.", valueName: "url"))
    var rekorUrl: [String] = []

    @Option(help: ArgumentHelp("The API version of the Rekor log with the same position: 1 (default) or 2.", valueName: "n"))
    var rekorApiVersion: [UInt32] = []

    @Option(help: ArgumentHelp("An RFC 3161 TSA endpoint URL.", valueName: "url"))
    var tsaUrl: [String] = []

    @Option(name: .customLong("operator"), help: ArgumentHelp("Who runs the services, e.g. example.com (required by clients).", valueName: "name"))
    var serviceOperator: String

    @Option(help: ArgumentHelp("How many Rekor logs signers write to: ANY, ALL or EXACT:n.", valueName: "selector"))
    var rekorSelector: String = "ANY"

    @Option(help: ArgumentHelp("How many TSAs signers ask: ANY, ALL or EXACT:n.", valueName: "selector"))
    var tsaSelector: String = "ANY"

    @Option(help: ArgumentHelp("When the services become valid (RFC 3339; default: now).", valueName: "time"))
    var validFrom: String?

    @Option(help: ArgumentHelp("Where to write the signing config (default: standard output).", valueName: "file"))
    var out: String?

    init() {}

    func validate() throws {
        try TrustedRootCreateCommand.checkPairing(rekorApiVersion, with: rekorUrl, "--rekor-api-version", "--rekor-url", allowsOne: true)
        if let unsupported = rekorApiVersion.first(where: { $0 != 1 && $0 != 2 }) {
            throw ValidationError("--rekor-api-version \(unsupported) is not 1 or 2")
        }
        guard !serviceOperator.isEmpty else { throw ValidationError("--operator must not be empty") }
        for url in caUrl + oidcUrl + rekorUrl + tsaUrl {
            guard let scheme = URLComponents(string: url)?.scheme, ["http", "https"].contains(scheme) else {
                throw ValidationError("\(url) is not an http(s) URL")
            }
        }
        if let validFrom, ProtoTimestamp(rfc3339: validFrom) == nil {
            throw ValidationError("--valid-from \(validFrom) is not an RFC 3339 time such as 2025-01-01T00:00:00Z")
        }
        for selector in [rekorSelector, tsaSelector] {
            do {
                _ = try Self.configuration(selector)
            } catch {
                throw ValidationError(error.message)
            }
        }
    }

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let validFor = TimeRange(start: validFrom.flatMap(ProtoTimestamp.init(rfc3339:)) ?? ProtoTimestamp(seconds: Int64(Date().timeIntervalSince1970)))
            func services(_ urls: [String], version: (Int) -> UInt32) -> [SigningConfig.Service] {
                urls.enumerated().map { index, url in
                    SigningConfig.Service(url: url, majorApiVersion: version(index), validFor: validFor, operator: serviceOperator)
                }
            }
            let config = SigningConfig(
                caUrls: services(caUrl) { _ in 1 }, oidcUrls: services(oidcUrl) { _ in 1 },
                rekorTlogUrls: services(rekorUrl) { index in
                    rekorApiVersion.count == 1 ? rekorApiVersion[0] : rekorApiVersion.element(at: index) ?? 1
                },
                rekorTlogConfig: try Self.configuration(rekorSelector), tsaUrls: services(tsaUrl) { _ in 1 },
                tsaConfig: try Self.configuration(tsaSelector))
            try LocalFile.write(try ProtoDocument.text(of: config), to: out)
        }
    }

    /// Parses `ANY`, `ALL` or `EXACT:n` (case-insensitive), cosign's spelling.
    static func configuration(_ text: String) throws(CLIError) -> SigningConfig.ServiceConfiguration {
        let parts = text.uppercased().split(separator: ":", maxSplits: 1).map(String.init)
        switch (parts.first, parts.count) {
        case ("ANY", 1): return .init(selector: .any)
        case ("ALL", 1): return .init(selector: .all)
        case ("EXACT", 2):
            guard let count = UInt32(parts[1]), count > 0 else { break }
            return .init(selector: .exact, count: count)
        default: break
        }
        throw CLIError(.invalidArgument, "the service selector \(text) is not ANY, ALL or EXACT:n")
    }
}
