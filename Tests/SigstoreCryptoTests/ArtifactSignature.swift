import Testing

/// A bundle's `messageSignature`, from `sigstore/artifact-signatures.json`.
struct ArtifactSignature: Decodable, CustomTestStringConvertible, Sendable {
    var bundle: String
    var artifact: String?
    var publicKeyPEM: String
    var digest: String
    var signature: String

    var testDescription: String { bundle }

    static var all: [ArtifactSignature] {
        (try? Fixture.json([ArtifactSignature].self, "sigstore/artifact-signatures.json")) ?? []
    }
}
