import Testing

@testable import SignetCLI

/// cosign's `--type` shortcuts (cosign `cmd/cosign/cli/options/predicate.go`,
/// `pkg/cosign/attestation/attestation.go`).
@Suite struct PredicateTypeTests {
    @Test(arguments: [
        ("slsaprovenance", "https://slsa.dev/provenance/v0.2"),
        ("slsaprovenance02", "https://slsa.dev/provenance/v0.2"),
        ("slsaprovenance1", "https://slsa.dev/provenance/v1"),
        ("spdx", "https://spdx.dev/Document"),
        ("spdxjson", "https://spdx.dev/Document"),
        ("cyclonedx", "https://cyclonedx.org/bom"),
        ("cyclonedxxml", "https://cyclonedx.org/bom"),
        ("link", "https://in-toto.io/Link/v1"),
        ("vuln", "https://cosign.sigstore.dev/attestation/vuln/v1"),
        ("openvex", "https://openvex.dev/ns"),
        ("custom", "https://cosign.sigstore.dev/attestation/v1"),
        ("https://example.com/predicate/v1", "https://example.com/predicate/v1"),
        ("urn:example:predicate", "urn:example:predicate"),
    ])
    func mapsShortcutsAndPassesURIs(_ text: String, _ uri: String) throws {
        #expect(try PredicateType.uri(for: text) == uri)
    }

    @Test(arguments: ["provenance", "", "not a uri", "SLSAProvenance1"])
    func rejectsOtherText(_ text: String) {
        #expect(throws: CLIError.self) { try PredicateType.uri(for: text) }
    }
}
