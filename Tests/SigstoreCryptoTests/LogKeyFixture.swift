import Testing

/// One log key from `sigstore/log-keys.json` (see Fixtures/README.md).
struct LogKeyFixture: Decodable, CustomTestStringConvertible, Sendable {
    var root: String
    var kind: String
    var baseUrl: String
    var keyDetails: String
    var rawBytes: String
    var keyId: String

    var testDescription: String { baseUrl }

    static var all: [LogKeyFixture] {
        (try? Fixture.json([LogKeyFixture].self, "sigstore/log-keys.json")) ?? []
    }
}
