import Foundation
import SigstoreModels
import Testing

/// `signet signing-config create`, read back with the strict SigningConfig decoder.
@Suite struct SigningConfigCreateCommandTests {
    @Test func writesTheSingleOriginExampleOfTheContract() throws {
        // Interop contract §10.5: CA, OIDC, Rekor v2 and v1, TSA on one origin.
        let outcome = try SignetProcess.run([
            "signing-config", "create", "--ca-url", "http://localhost:8080", "--oidc-url", "http://localhost:8080/oidc",
            "--rekor-url", "http://localhost:8080", "--rekor-api-version", "2", "--rekor-url", "http://localhost:8080", "--rekor-api-version", "1",
            "--tsa-url", "http://localhost:8080/api/v1/timestamp", "--operator", "example.test", "--valid-from", "2025-01-01T00:00:00Z",
        ])
        #expect(outcome.status == 0, "\(outcome)")
        let config = try ProtoJSON.decode(SigningConfig.self, from: Array(outcome.standardOutput.utf8))
        let validFor = TimeRange(start: ProtoTimestamp(rfc3339: "2025-01-01T00:00:00Z"))
        #expect(config.caUrls == [.init(url: "http://localhost:8080", majorApiVersion: 1, validFor: validFor, operator: "example.test")])
        #expect(config.oidcUrls == [.init(url: "http://localhost:8080/oidc", majorApiVersion: 1, validFor: validFor, operator: "example.test")])
        #expect(config.rekorTlogUrls.map(\.majorApiVersion) == [2, 1])
        #expect(config.tsaUrls.map(\.url) == ["http://localhost:8080/api/v1/timestamp"])
        #expect(config.rekorTlogConfig == .init(selector: .any))
        #expect(config.tsaConfig == .init(selector: .any))
        #expect(outcome.standardOutput.contains(#""mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json""#))
    }

    @Test func appliesOneRekorVersionToEveryLogAndParsesSelectors() throws {
        let scratch = try ScratchDirectory()
        let outcome = try SignetProcess.run([
            "signing-config", "create", "--rekor-url", "https://a.example", "--rekor-url", "https://b.example", "--rekor-api-version", "2",
            "--operator", "example.test", "--rekor-selector", "exact:2", "--tsa-selector", "ALL", "--out", scratch.path("config.json"),
        ])
        #expect(outcome.status == 0, "\(outcome)")
        let config = try ProtoJSON.decode(SigningConfig.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path("config.json"))))
        #expect(config.rekorTlogUrls.map(\.majorApiVersion) == [2, 2])
        #expect(config.rekorTlogConfig == .init(selector: .exact, count: 2))
        #expect(config.tsaConfig == .init(selector: .all))
        let start = try #require(config.rekorTlogUrls.first?.validFor?.start)
        #expect(abs(start.date.timeIntervalSinceNow) < 600)
    }

    static let usageErrors: [(flags: [String], message: String)] = [
        (["--ca-url", "https://ca"], "--operator"),
        (["--operator", "x", "--ca-url", "ca.example.com"], "is not an http(s) URL"),
        (["--operator", "x", "--rekor-selector", "SOME"], "is not ANY, ALL or EXACT:n"),
        (["--operator", "x", "--tsa-selector", "EXACT:0"], "is not ANY, ALL or EXACT:n"),
        (["--operator", "x", "--rekor-url", "https://a", "--rekor-api-version", "1", "--rekor-api-version", "2"], "give one per --rekor-url"),
    ]

    @Test(arguments: usageErrors)
    func rejectsBadFlags(_ usage: (flags: [String], message: String)) throws {
        let outcome = try SignetProcess.run(["signing-config", "create"] + usage.flags)
        #expect(outcome.status == 64)
        #expect(outcome.errorLines.first?.contains(usage.message) == true, "\(outcome)")
    }
}
