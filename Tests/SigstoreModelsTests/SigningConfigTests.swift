import Foundation
import Testing
import SigstoreModels

@Suite struct SigningConfigTests {
    @Test func decodesThePublicGoodSigningConfig() throws {
        let config = try ProtoFixture.decode(SigningConfig.self, "public-good-signing-config.json")
        #expect(config.caUrls.count == 1)
        #expect(config.caUrls[0].url == "https://fulcio.sigstore.dev")
        #expect(config.caUrls[0].majorApiVersion == 1)
        #expect(config.caUrls[0].operator == "sigstore.dev")
        #expect(config.caUrls[0].validFor?.start == ProtoTimestamp(seconds: 1_649_880_375))
        #expect(config.oidcUrls.map(\.url) == ["https://oauth2.sigstore.dev/auth"])
        #expect(config.rekorTlogUrls.map(\.url) == ["https://rekor.sigstore.dev"])
        #expect(config.tsaUrls.map(\.url) == ["https://timestamp.sigstore.dev/api/v1/timestamp"])
        #expect(config.rekorTlogConfig == .init(selector: .any))
        #expect(config.tsaConfig == .init(selector: .any))
    }

    @Test func decodesTheStagingSigningConfig() throws {
        let config = try ProtoFixture.decode(SigningConfig.self, "staging-signing-config.json")
        #expect(config.rekorTlogUrls.map(\.majorApiVersion) == [2, 2, 2, 1])
        #expect(config.rekorTlogUrls[0].url == "https://log2025-alpha3.rekor.sigstage.dev")
        #expect(config.rekorTlogUrls[1].validFor?.end?.rfc3339 == "2025-09-22T11:00:00Z")
        #expect(config.rekorTlogUrls[0].validFor?.end == nil)
    }

    @Test(arguments: ["public-good-signing-config.json", "staging-signing-config.json"])
    func roundTrips(file: String) throws {
        let original = try ProtoFixture.bytes(file)
        let config = try ProtoJSON.decode(SigningConfig.self, from: original)
        let written = try ProtoJSON.encode(config)
        #expect(try ProtoJSON.decode(SigningConfig.self, from: written) == config)
        #expect(try ProtoJSON.encode(ProtoJSON.decode(SigningConfig.self, from: written)) == written)
        let shortened = String(decoding: original, as: UTF8.self).replacingOccurrences(of: ".000Z", with: "Z")
        #expect(try ProtoFixture.normalizedJSON(written) == ProtoFixture.normalizedJSON(Array(shortened.utf8)))
        // uint32 fields stay JSON numbers.
        #expect(String(decoding: written, as: UTF8.self).contains(#""majorApiVersion":1,"#))
    }

    @Test func writesSelectorsByNameAndCountOnlyWhenSet() throws {
        let config = SigningConfig(
            rekorTlogUrls: [.init(url: "http://localhost:8080", majorApiVersion: 2, validFor: TimeRange(start: ProtoTimestamp(seconds: 1_735_689_600)), operator: "example.test")],
            rekorTlogConfig: .init(selector: .exact, count: 2), tsaConfig: .init(selector: .all)
        )
        let text = String(decoding: try ProtoJSON.encode(config), as: UTF8.self)
        #expect(text == #"{"mediaType":"application/vnd.dev.sigstore.signingconfig.v0.2+json","rekorTlogUrls":[{"url":"http://localhost:8080","majorApiVersion":2,"validFor":{"start":"2025-01-01T00:00:00Z"},"operator":"example.test"}],"rekorTlogConfig":{"selector":"EXACT","count":2},"tsaConfig":{"selector":"ALL"}}"#)
        #expect(try ProtoJSON.decode(SigningConfig.self, from: Array(text.utf8)) == config)
    }

    @Test func aVerifyOnlyConfigIsJustTheMediaType() throws {
        let config = try ProtoJSON.decode(SigningConfig.self, from: Array(#"{"mediaType":"application/vnd.dev.sigstore.signingconfig.v0.2+json"}"#.utf8))
        #expect(config == SigningConfig())
    }

    @Test(arguments: [
        (#""selector": "ANY""#, #""selector": 3"#, nil, ""),
        (#""majorApiVersion": 1"#, #""majorApiVersion": "1""#, nil, ""),
        (#""mediaType": "application/vnd.dev.sigstore.signingconfig.v0.2+json""#,
         #""mediaType": "application/vnd.dev.sigstore.signingconfig.v0.1+json""#, ModelError.Code.unsupportedMediaType, "mediaType"),
        (#""selector": "ANY""#, #""selector": "SOME""#, .invalidValue, "rekorTlogConfig.selector"),
        (#""majorApiVersion": 1"#, #""majorApiVersion": -1"#, .invalidValue, "caUrls[0].majorApiVersion"),
        (#""majorApiVersion": 1"#, #""majorApiVersion": 4294967296"#, .invalidValue, "caUrls[0].majorApiVersion"),
        (#""majorApiVersion": 1"#, #""majorApiVersion": 1.5"#, .invalidValue, "caUrls[0].majorApiVersion"),
        (#""url": "https://fulcio.sigstore.dev","#, "", .missingField, "caUrls[0].url"),
        (#""operator": "sigstore.dev""#, #""operator": "sigstore.dev", "region": "eu""#, .unknownField, "caUrls[0].region"),
        (#""caUrls": ["#, #""ca_url": "https://fulcio.sigstore.dev", "caUrls": ["#, .unknownField, "ca_url"),
    ] as [(String, String, ModelError.Code?, String)])
    func readsStrictly(original: String, replacement: String, code: ModelError.Code?, field: String) throws {
        let fixture = try ProtoFixture.text("public-good-signing-config.json")
        let text = fixture.replacingOccurrences(of: original, with: replacement)
        #expect(text != fixture)
        guard let code else {
            _ = try ProtoJSON.decode(SigningConfig.self, from: Array(text.utf8))
            return
        }
        expectModelError(code, field: field) { _ = try ProtoJSON.decode(SigningConfig.self, from: Array(text.utf8)) }
    }
}
