import ArgumentParser
import Foundation
import SigstoreModels
import SigstoreVerify

/// `signet trusted-root create`: writes a TrustedRoot (`trustedroot+json;version=0.1`) for a
/// private Sigstore deployment from its certificates and keys.
struct TrustedRootCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a TrustedRoot from CA chains, CT log, Rekor and TSA keys and certificates.",
        discussion: """
            Repeat a flag for several services; the n-th --ca-url, --ctfe-url, --rekor-url, --rekor-api-version, \
            --rekor-origin or --tsa-url belongs to the n-th chain or key (a single --rekor-api-version or \
            --operator applies to all). Files may be PEM or DER. The result is checked by loading it as the \
            verifier would before it is written.
            """)

    @Option(help: ArgumentHelp("A CA certificate chain: intermediates first, root last.", valueName: "file"))
    var certificateChain: [String] = []

    @Option(help: ArgumentHelp("The URL of the CA with the same position.", valueName: "url"))
    var caUrl: [String] = []

    @Option(help: ArgumentHelp("A CT log public key.", valueName: "file"))
    var ctfeKey: [String] = []

    @Option(help: ArgumentHelp("The URL of the CT log with the same position.", valueName: "url"))
    var ctfeUrl: [String] = []

    @Option(help: ArgumentHelp("A Rekor public key.", valueName: "file"))
    var rekorKey: [String] = []

    @Option(help: ArgumentHelp("The base URL of the Rekor log with the same position (required per key).", valueName: "url"))
    var rekorUrl: [String] = []

    @Option(help: ArgumentHelp("The Rekor API version of the log with the same position: 1 (default) or 2.", valueName: "n"))
    var rekorApiVersion: [UInt32] = []

    @Option(help: ArgumentHelp("The checkpoint origin of a Rekor v2 log (default: the host of its URL).", valueName: "name"))
    var rekorOrigin: [String] = []

    @Option(help: ArgumentHelp("A TSA certificate chain: TSA leaf first, root last.", valueName: "file"))
    var tsaCertificateChain: [String] = []

    @Option(help: ArgumentHelp("The timestamp URL of the TSA with the same position.", valueName: "url"))
    var tsaUrl: [String] = []

    @Option(
        help: ArgumentHelp(
            "When every entry becomes valid (RFC 3339). Default: each chain's first certificate's notBefore, and now for keys.",
            valueName: "time"))
    var validFrom: String?

    @Option(name: .customLong("operator"), help: ArgumentHelp("Who runs the services, e.g. example.com.", valueName: "name"))
    var serviceOperator: String = ""

    @Option(help: ArgumentHelp("Where to write the trusted root (default: standard output).", valueName: "file"))
    var out: String?

    init() {}

    func validate() throws {
        guard !(certificateChain.isEmpty && ctfeKey.isEmpty && rekorKey.isEmpty && tsaCertificateChain.isEmpty) else {
            throw ValidationError("nothing to trust: pass at least one --certificate-chain, --ctfe-key, --rekor-key or --tsa-certificate-chain")
        }
        guard rekorUrl.count == rekorKey.count else {
            throw ValidationError("each --rekor-key needs its --rekor-url (got \(rekorKey.count) keys and \(rekorUrl.count) URLs)")
        }
        try Self.checkPairing(caUrl, with: certificateChain, "--ca-url", "--certificate-chain", allowsOne: false)
        try Self.checkPairing(ctfeUrl, with: ctfeKey, "--ctfe-url", "--ctfe-key", allowsOne: false)
        try Self.checkPairing(rekorApiVersion, with: rekorKey, "--rekor-api-version", "--rekor-key", allowsOne: true)
        try Self.checkPairing(rekorOrigin, with: rekorKey, "--rekor-origin", "--rekor-key", allowsOne: false)
        try Self.checkPairing(tsaUrl, with: tsaCertificateChain, "--tsa-url", "--tsa-certificate-chain", allowsOne: false)
        if let unsupported = rekorApiVersion.first(where: { $0 != 1 && $0 != 2 }) {
            throw ValidationError("--rekor-api-version \(unsupported) is not 1 or 2")
        }
        if let validFrom, ProtoTimestamp(rfc3339: validFrom) == nil {
            throw ValidationError("--valid-from \(validFrom) is not an RFC 3339 time such as 2025-01-01T00:00:00Z")
        }
    }

    func run() async throws {
        try await Console.reportingFailures(format: .text) {
            let start = validFrom.flatMap(ProtoTimestamp.init(rfc3339:))
            let now = ProtoTimestamp(Date())
            var root = TrustedRoot()
            for (index, path) in certificateChain.enumerated() {
                root.certificateAuthorities.append(
                    try TrustedRootEntries.authority(
                        chainAt: path, what: "CA certificate chain", url: caUrl.element(at: index), start: start, operator: serviceOperator))
            }
            for (index, path) in ctfeKey.enumerated() {
                root.ctlogs.append(
                    try TrustedRootEntries.ctLog(keyAt: path, url: ctfeUrl.element(at: index), start: start ?? now, operator: serviceOperator))
            }
            for (index, path) in rekorKey.enumerated() {
                let version = rekorApiVersion.count == 1 ? rekorApiVersion[0] : rekorApiVersion.element(at: index) ?? 1
                root.tlogs.append(
                    try TrustedRootEntries.rekorLog(
                        keyAt: path, url: rekorUrl[index], apiVersion: version, origin: rekorOrigin.element(at: index),
                        start: start ?? now, operator: serviceOperator))
            }
            for (index, path) in tsaCertificateChain.enumerated() {
                root.timestampAuthorities.append(
                    try TrustedRootEntries.authority(
                        chainAt: path, what: "TSA certificate chain", url: tsaUrl.element(at: index), start: start, operator: serviceOperator))
            }
            do {
                _ = try BundleVerifier(trustedRoot: root)
            } catch {
                throw CLIError(.invalidDocument, "the trusted root would not be usable: \(error)")
            }
            try LocalFile.write(try ProtoDocument.text(of: root), to: out)
        }
    }

    /// Optional per-item values must be absent or one per item (or, where `allowsOne`, a single
    /// value for every item).
    static func checkPairing<T>(_ values: [T], with items: [String], _ valueFlag: String, _ itemFlag: String, allowsOne: Bool) throws {
        guard values.isEmpty || values.count == items.count || (allowsOne && values.count == 1) else {
            throw ValidationError("\(values.count) \(valueFlag) value(s) for \(items.count) \(itemFlag) value(s): give one per \(itemFlag) or none")
        }
    }
}
