import Foundation
import Testing
import SigstoreModels

@Suite struct ClientTrustConfigTests {
    static let fixture = "trust/staging-client-trust-config-snake-case.json"

    /// sigstore-python's own test asset spells `signing_config` the proto way.
    @Test func decodesSigstorePythonStagingConfig() throws {
        let config = try ProtoFixture.decode(ClientTrustConfig.self, Self.fixture)
        #expect(config.trustedRoot.tlogs.count == 2)
        #expect(config.trustedRoot.ctlogs.count == 3)
        #expect(config.trustedRoot.certificateAuthorities[0].certChain?.certificates.count == 2)
        #expect(config.trustedRoot.timestampAuthorities[0].uri == "https://timestamp.sigstage.dev/api/v1/timestamp")
        #expect(config.signingConfig.rekorTlogUrls.map(\.majorApiVersion) == [2, 1])
        #expect(config.signingConfig.rekorTlogUrls[0].url == "https://log2025-alpha1.rekor.sigstage.dev")
        #expect(config.signingConfig.tsaConfig?.selector == .any)

        let written = try ProtoJSON.encode(config)
        #expect(String(decoding: written, as: UTF8.self).contains(#""signingConfig":{"mediaType":"#))
        #expect(try ProtoJSON.decode(ClientTrustConfig.self, from: written) == config)
        #expect(try ProtoJSON.encode(ProtoJSON.decode(ClientTrustConfig.self, from: written)) == written)
    }

    @Test func combinesThePublicGoodDocuments() throws {
        let config = ClientTrustConfig(
            trustedRoot: try ProtoFixture.decode(TrustedRoot.self, "public-good-trusted-root.json"),
            signingConfig: try ProtoFixture.decode(SigningConfig.self, "public-good-signing-config.json")
        )
        let written = try ProtoJSON.encode(config, pretty: true)
        let text = String(decoding: written, as: UTF8.self)
        #expect(text.hasPrefix("{\n  \"mediaType\": \"application/vnd.dev.sigstore.clienttrustconfig.v0.1+json\",\n  \"trustedRoot\": {\n"))
        #expect(try ProtoJSON.decode(ClientTrustConfig.self, from: written) == config)
    }

    @Test(arguments: [
        (#""signing_config": {"#, #""signingConfigs": {"#, ModelError.Code.unknownField, "signingConfigs"),
        (#""mediaType": "application/vnd.dev.sigstore.clienttrustconfig.v0.1+json""#,
         #""mediaType": "application/vnd.dev.sigstore.clienttrustconfig.v0.2+json""#, .unsupportedMediaType, "mediaType"),
        (#""keyDetails": "PKIX_ED25519""#, #""keyDetails": "ed25519""#, .invalidValue, "trustedRoot.tlogs[1].publicKey.keyDetails"),
        (#""selector": "ANY""#, #""selector": "NONE""#, .invalidValue, "signing_config.rekorTlogConfig.selector"),
    ] as [(String, String, ModelError.Code, String)])
    func reportsNestedPaths(original: String, replacement: String, code: ModelError.Code, field: String) throws {
        let fixture = try ProtoFixture.text(Self.fixture)
        let text = fixture.replacingOccurrences(of: original, with: replacement)
        #expect(text != fixture)
        expectModelError(code, field: field) { _ = try ProtoJSON.decode(ClientTrustConfig.self, from: Array(text.utf8)) }
    }

    @Test func bothMembersAreRequired() throws {
        let root = String(decoding: try ProtoFixture.bytes("public-good-trusted-root.json"), as: UTF8.self)
        let signing = String(decoding: try ProtoFixture.bytes("public-good-signing-config.json"), as: UTF8.self)
        let media = #""mediaType":"application/vnd.dev.sigstore.clienttrustconfig.v0.1+json""#
        expectModelError(.missingField, field: "signingConfig") {
            _ = try ProtoJSON.decode(ClientTrustConfig.self, from: Array("{\(media),\"trustedRoot\":\(root)}".utf8))
        }
        expectModelError(.missingField, field: "trustedRoot") {
            _ = try ProtoJSON.decode(ClientTrustConfig.self, from: Array("{\(media),\"trustedRoot\":null,\"signingConfig\":\(signing)}".utf8))
        }
        _ = try ProtoJSON.decode(ClientTrustConfig.self, from: Array("{\(media),\"trustedRoot\":\(root),\"signingConfig\":\(signing)}".utf8))
    }
}
