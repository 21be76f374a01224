import Foundation

/// The in-toto predicate type `--type` names: a URI, or one of cosign's shortcuts.
enum PredicateType {
    /// cosign's `--type` shortcuts and the URIs they stand for (cosign
    /// `cmd/cosign/cli/options/predicate.go` and `pkg/cosign/attestation/attestation.go`).
    static let shortcuts: [String: String] = [
        "custom": "https://cosign.sigstore.dev/attestation/v1",
        "slsaprovenance": "https://slsa.dev/provenance/v0.2",
        "slsaprovenance02": "https://slsa.dev/provenance/v0.2",
        "slsaprovenance1": "https://slsa.dev/provenance/v1",
        "spdx": "https://spdx.dev/Document",
        "spdxjson": "https://spdx.dev/Document",
        "cyclonedx": "https://cyclonedx.org/bom",
        "cyclonedxxml": "https://cyclonedx.org/bom",
        "link": "https://in-toto.io/Link/v1",
        "vuln": "https://cosign.sigstore.dev/attestation/vuln/v1",
        "openvex": "https://openvex.dev/ns",
    ]

    /// The URI for `text`: a shortcut's URI, or `text` itself when it is an absolute URI.
    static func uri(for text: String) throws(CLIError) -> String {
        if let uri = shortcuts[text] { return uri }
        guard let components = URLComponents(string: text), let scheme = components.scheme, !scheme.isEmpty,
            !text.contains(where: \.isWhitespace)
        else {
            let names = shortcuts.keys.sorted().joined(separator: ", ")
            throw CLIError(.invalidArgument, "--type \(text) is neither a URI nor one of \(names)")
        }
        return text
    }
}
