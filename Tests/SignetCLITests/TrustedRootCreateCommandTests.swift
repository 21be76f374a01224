import Foundation
import SigstoreCrypto
import SigstoreModels
import Testing

/// `signet trusted-root create`, checked by rebuilding the published public-good and staging
/// roots from their certificates and keys: the log IDs it derives must be the published ones,
/// and the result must verify real bundles.
@Suite struct TrustedRootCreateCommandTests {
    /// Writes every certificate chain and key of `root` as PEM files and returns the
    /// `trusted-root create` arguments that describe it.
    static func arguments(recreating root: TrustedRoot, in scratch: ScratchDirectory) throws -> [String] {
        var arguments = ["trusted-root", "create", "--valid-from", "2021-01-01T00:00:00Z", "--operator", "sigstore.dev"]
        for (index, authority) in root.certificateAuthorities.enumerated() {
            let pem = authority.certChain!.certificates.map { Self.pem("CERTIFICATE", $0.rawBytes) }.joined()
            arguments += ["--certificate-chain", try scratch.write("ca\(index).pem", Array(pem.utf8)), "--ca-url", authority.uri]
        }
        for (index, log) in root.ctlogs.enumerated() {
            arguments += ["--ctfe-key", try scratch.write("ct\(index).pem", Array(try Self.keyPEM(log.publicKey!).utf8)), "--ctfe-url", log.baseUrl]
        }
        for (index, log) in root.tlogs.enumerated() {
            // Rekor v2 logs are the ones whose key is not named by SHA-256(SPKI).
            let key = try Self.key(log.publicKey!)
            let version = log.logId?.keyId == key.keyID ? "1" : "2"
            arguments += [
                "--rekor-key", try scratch.write("rekor\(index).pem", Array(key.pemRepresentation.utf8)), "--rekor-url", log.baseUrl,
                "--rekor-api-version", version,
            ]
        }
        for (index, authority) in root.timestampAuthorities.enumerated() {
            let pem = authority.certChain!.certificates.map { Self.pem("CERTIFICATE", $0.rawBytes) }.joined()
            arguments += ["--tsa-certificate-chain", try scratch.write("tsa\(index).pem", Array(pem.utf8)), "--tsa-url", authority.uri]
        }
        return arguments
    }

    @Test(arguments: ["public-good-trusted-root.json", "staging-trusted-root.json"])
    func derivesThePublishedLogIDsAndChains(_ name: String) throws {
        let scratch = try ScratchDirectory()
        let published = try Fixture.trustedRoot(name)
        let outcome = try SignetProcess.run(try Self.arguments(recreating: published, in: scratch) + ["--out", scratch.path("root.json")])
        #expect(outcome.status == 0, "\(outcome)")
        let created = try ProtoJSON.decode(TrustedRoot.self, from: Data(contentsOf: URL(fileURLWithPath: scratch.path("root.json"))))

        #expect(created.tlogs.map(\.logId) == published.tlogs.map(\.logId))
        #expect(created.tlogs.map(\.baseUrl) == published.tlogs.map(\.baseUrl))
        #expect(created.ctlogs.map(\.logId) == published.ctlogs.map(\.logId))
        #expect(created.certificateAuthorities.map(\.certChain) == published.certificateAuthorities.map(\.certChain))
        #expect(created.certificateAuthorities.map(\.subject) == published.certificateAuthorities.map(\.subject))
        #expect(created.timestampAuthorities.map(\.certChain) == published.timestampAuthorities.map(\.certChain))
        #expect(created.timestampAuthorities.map(\.uri) == published.timestampAuthorities.map(\.uri))
        for (createdLog, publishedLog) in zip(created.tlogs, published.tlogs) {
            #expect(createdLog.publicKey?.keyDetails == publishedLog.publicKey?.keyDetails)
            #expect(createdLog.publicKey?.validFor?.start == ProtoTimestamp(rfc3339: "2021-01-01T00:00:00Z"))
        }
        #expect(created.certificateAuthorities.allSatisfy { $0.operator == "sigstore.dev" })
    }

    @Test(arguments: [false, true])
    func createdRootVerifiesRealBundles(_ staging: Bool) throws {
        let scratch = try ScratchDirectory()
        let published = try Fixture.trustedRoot(staging ? "staging-trusted-root.json" : "public-good-trusted-root.json")
        let created = try SignetProcess.run(try Self.arguments(recreating: published, in: scratch) + ["--out", scratch.path("root.json")])
        #expect(created.status == 0, "\(created)")
        for bundle in RealBundle.all where bundle.staging == staging {
            var arguments = try bundle.arguments()
            arguments.removeAll { $0 == "--staging" }
            let outcome = try SignetProcess.run(arguments + ["--trusted-root", scratch.path("root.json")])
            #expect(outcome.status == 0, "\(bundle.file): \(outcome)")
        }
    }

    @Test func defaultsChainsToTheirFirstCertificatesValidity() throws {
        let scratch = try ScratchDirectory()
        let published = try Fixture.trustedRoot("public-good-trusted-root.json")
        let chain = published.timestampAuthorities[0].certChain!.certificates.map { Self.pem("CERTIFICATE", $0.rawBytes) }.joined()
        let outcome = try SignetProcess.run(["trusted-root", "create", "--tsa-certificate-chain", try scratch.write("tsa.pem", Array(chain.utf8))])
        #expect(outcome.status == 0, "\(outcome)")
        let created = try ProtoJSON.decode(TrustedRoot.self, from: Array(outcome.standardOutput.utf8))
        // The public-good TSA leaf (sigstore-tsa) is valid from 2025-04-08T... per its certificate.
        let start = try #require(created.timestampAuthorities.first?.validFor?.start)
        #expect(start < ProtoTimestamp(rfc3339: "2025-07-04T00:00:00Z")!)
        #expect(start > ProtoTimestamp(rfc3339: "2025-01-01T00:00:00Z")!)
        #expect(created.timestampAuthorities.first?.subject == TrustedRoot.DistinguishedName(organization: "sigstore.dev", commonName: "sigstore-tsa-selfsigned"))
        #expect(outcome.standardOutput.contains(#""mediaType": "application/vnd.dev.sigstore.trustedroot+json;version=0.1""#))
    }

    static let usageErrors: [(flags: [String], message: String)] = [
        ([], "nothing to trust"),
        (["--rekor-key", "k.pem"], "needs its --rekor-url"),
        (["--rekor-key", "k.pem", "--rekor-url", "https://a", "--rekor-api-version", "3"], "is not 1 or 2"),
        (["--certificate-chain", "c.pem", "--ca-url", "https://a", "--ca-url", "https://b"], "give one per --certificate-chain"),
        (["--certificate-chain", "c.pem", "--valid-from", "yesterday"], "is not an RFC 3339 time"),
    ]

    @Test(arguments: usageErrors)
    func rejectsIncompleteFlags(_ usage: (flags: [String], message: String)) throws {
        let outcome = try SignetProcess.run(["trusted-root", "create"] + usage.flags)
        #expect(outcome.status == 64)
        #expect(outcome.errorLines.first?.hasPrefix("Error: ") == true)
        #expect(outcome.errorLines.first?.contains(usage.message) == true, "\(outcome)")
    }

    @Test func rejectsAnUnusableRoot() throws {
        let scratch = try ScratchDirectory()
        let key = try scratch.write("rekor.pem", Array(VerifyBlobCommandTests.rfc8410PublicKey.utf8))
        let noScheme = try SignetProcess.run(["trusted-root", "create", "--rekor-key", key, "--rekor-url", "rekor.example.com"])
        #expect(noScheme.status == 1)
        #expect(noScheme.standardError == "Error: --rekor-url rekor.example.com is not an http(s) URL\n")
        let notAKey = try SignetProcess.run(["trusted-root", "create", "--ctfe-key", try Fixture.path("artifacts/a.txt")])
        #expect(notAKey.status == 1)
        #expect(notAKey.standardError.hasPrefix("Error: the CT log key"), "\(notAKey)")
    }

    static func key(_ material: PublicKeyMaterial) throws -> PublicKey {
        let bytes = material.rawBytes ?? []
        // The staging root lists one CT key as a bare PKCS#1 RSAPublicKey.
        return material.keyDetails.hasPrefix("PKCS1_") ? try PublicKey(pkcs1RSADER: bytes) : try PublicKey(derEncoded: bytes)
    }

    static func keyPEM(_ material: PublicKeyMaterial) throws -> String {
        try key(material).pemRepresentation
    }

    static func pem(_ type: String, _ der: [UInt8]) -> String {
        let base64 = Array(Data(der).base64EncodedString())
        let lines = stride(from: 0, to: base64.count, by: 64).map { String(base64[$0..<min($0 + 64, base64.count)]) }
        return "-----BEGIN \(type)-----\n" + lines.joined(separator: "\n") + "\n-----END \(type)-----\n"
    }
}
