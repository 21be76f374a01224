import Testing

/// A signature by a real Sigstore log key, from `sigstore/signatures.json`.
struct SigstoreSignature: Decodable, CustomTestStringConvertible, Sendable {
    var name: String
    var publicKeyDER: String
    var keyDetails: String
    var message: String
    var signature: String

    var testDescription: String { name }

    static var all: [SigstoreSignature] {
        (try? Fixture.json([SigstoreSignature].self, "sigstore/signatures.json")) ?? []
    }
}
