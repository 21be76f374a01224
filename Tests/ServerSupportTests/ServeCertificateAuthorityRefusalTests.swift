import ArgumentParser
import Foundation
@testable import ServerSupport
import SigstoreCrypto
import SigstoreTestSupport
import Testing

/// `signetd serve --config` refuses a CA or CT log that could not work, before binding and
/// naming the key at fault; a refused CA file leaves the CT log's storage unopened.
@Suite struct ServeCertificateAuthorityRefusalTests {
    static let issuer = "https://issuer.signet.test"

    /// The CA and CT log alone (the CT log on its own storage), with the CA section's keys overridden.
    static func configuration(_ deployment: ServeCertificateAuthorityDeployment, _ overrides: [String: String] = [:]) -> String {
        deployment.certificateAuthoritySection(overrides) + deployment.ctLogSection()
    }

    /// The message `prepare` refused `yaml` with; the CT log's storage was never created.
    static func refusal(_ yaml: String, _ deployment: ServeCertificateAuthorityDeployment) async throws -> String {
        let error = await #expect(throws: ServeConfigurationError.self) {
            _ = try await ServeCertificateAuthorityDeployment.prepare(yaml)
        }
        #expect(!FileManager.default.fileExists(atPath: deployment.logs.path))
        return error?.message ?? ""
    }

    @Test func theConfiguredCAStartsWithoutOtherServices() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let stack = try await ServeCertificateAuthorityDeployment.prepare(Self.configuration(deployment))
        #expect(stack.services.certificateAuthority != nil && stack.services.ctLog != nil)
        #expect(stack.services.transparencyLog == nil && stack.services.timestampAuthority == nil)
        #expect(FileManager.default.fileExists(atPath: deployment.logs.appendingPathComponent("ctlog.sqlite").path))
        #expect(FileManager.default.fileExists(atPath: deployment.logs.appendingPathComponent("ctlog-chains.sqlite").path))
        await stack.stop()
    }

    @Test func refusesAKeyThatIsNotTheChainsFirstCertificates() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let other = deployment.directory.file("other-key.pem")
        try ServeCertificateAuthorityDeployment.write(try PrivateKey.generate(.ecdsaP256).pemRepresentation, to: other)
        let message = try await Self.refusal(Self.configuration(deployment, ["signing-key": other.path]), deployment)
        #expect(message.hasPrefix("certificate-authority: certificate-authority.signing-key (\(other.path)) and certificate-authority.certificate-chain"))
        #expect(message.contains("does not match the first certificate"))
    }

    @Test func refusesAChainThatDoesNotVerify() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let otherCA = deployment.directory.file("other-ca")
        try ServeCertificateAuthorityDeployment.caInit(otherCA)
        let mixed = deployment.directory.file("mixed-chain.pem")
        try ServeCertificateAuthorityDeployment.write(
            String(contentsOf: deployment.ca.appendingPathComponent("intermediate.pem"), encoding: .utf8)
                + String(contentsOf: otherCA.appendingPathComponent("root.pem"), encoding: .utf8),
            to: mixed
        )
        let message = try await Self.refusal(Self.configuration(deployment, ["certificate-chain": mixed.path]), deployment)
        #expect(message.contains("certificate-authority.certificate-chain (\(mixed.path))"))
        #expect(message.contains("is not signed by"))
    }

    @Test func refusesAChainThatIsNotValidNow() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let expired = deployment.directory.file("expired-ca")
        try ServeCertificateAuthorityDeployment.caInit(expired, now: Date().addingTimeInterval(-2 * 366 * 86_400))
        let message = try await Self.refusal(Self.configuration(deployment, [
            "signing-key": expired.appendingPathComponent("intermediate-key.pem").path,
            "certificate-chain": expired.appendingPathComponent("chain.pem").path,
        ]), deployment)
        #expect(message.hasPrefix("certificate-authority.certificate-chain (\(expired.appendingPathComponent("chain.pem").path))"))
        #expect(message.contains("not now"))
    }

    @Test func refusesAWrongOrMissingPassword() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let wrong = deployment.directory.file("wrong-password.txt")
        try ServeCertificateAuthorityDeployment.write("not the password\n", to: wrong)
        let wrongMessage = try await Self.refusal(Self.configuration(deployment, ["signing-key-password-file": wrong.path]), deployment)
        #expect(wrongMessage.hasPrefix("certificate-authority.signing-key ("))
        let missing = try await Self.refusal(Self.configuration(deployment, ["signing-key-password-file": "~"]), deployment)
        #expect(missing.hasPrefix("certificate-authority.signing-key (") && missing.contains("password is required"))
    }

    @Test(arguments: [
        ("oidc-issuers: [unclosed", "not YAML or JSON"),
        ("oidc-issuers:\n  https://issuer.signet.test: {type: email, colour: blue}", "colour"),
        ("oidc-issuers:\n  https://issuer.signet.test: {type: telepathy}", "unsupported type 'telepathy'"),
        ("meta-issuers: {}", "accepts no issuer"),
    ])
    func refusesAnIssuerFileThatDoesNotParse(_ issuers: String, _ expected: String) async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let file = deployment.directory.file("bad-issuers.yaml")
        try ServeCertificateAuthorityDeployment.write(issuers, to: file)
        let message = try await Self.refusal(Self.configuration(deployment, ["issuers": file.path]), deployment)
        #expect(message.hasPrefix("certificate-authority.issuers (\(file.path)): "))
        #expect(message.contains(expected))
    }

    @Test func refusesACTLogKeyThatIsNotP256() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let ed25519 = deployment.directory.file("ed25519.pem")
        try ServeCertificateAuthorityDeployment.write(try PrivateKey.generate(.ed25519).pemRepresentation, to: ed25519)
        let message = try await Self.refusal(deployment.certificateAuthoritySection() + deployment.ctLogSection(key: ed25519), deployment)
        #expect(message.hasPrefix("ct-log.signing-key must be an ECDSA P-256 key"))
    }

    /// The CT log's storage holds the tree of another key: the log does not start on it.
    @Test func refusesCTLogStorageOfAnotherKey() async throws {
        let deployment = try ServeCertificateAuthorityDeployment(issuer: Self.issuer)
        let first = try await ServeCertificateAuthorityDeployment.prepare(Self.configuration(deployment))
        await first.stop()
        let other = deployment.directory.file("other-ct-key.pem")
        try ServeCertificateAuthorityDeployment.write(try PrivateKey.generate(.ecdsaP256).pemRepresentation, to: other)
        let error = await #expect(throws: ServeConfigurationError.self) {
            _ = try await ServeCertificateAuthorityDeployment.prepare(deployment.certificateAuthoritySection() + deployment.ctLogSection(key: other))
        }
        #expect(error?.message.hasPrefix("ct-log (log ctlog): ") == true)
        // The original key still starts on it.
        let again = try await ServeCertificateAuthorityDeployment.prepare(Self.configuration(deployment))
        #expect(again.services.ctLog != nil)
        await again.stop()
    }

    @Test(arguments: [
        ("certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}", "certificate-authority needs a ct-log section"),
        ("ct-log: {hostname: ct.example.com, signing-key: /k.pem, storage: {sqlite: /d}}", "ct-log accepts chains to the CA's root"),
        ("certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem}\nct-log: {hostname: c, signing-key: /k.pem, storage: {sqlite: /d}}", "certificate-authority.issuers is required"),
        ("certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml, ct: x}\nct-log: {hostname: c, signing-key: /k.pem, storage: {sqlite: /d}}", "certificate-authority.ct is not a configuration key"),
        ("certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}\nct-log: {hostname: c, signing-key: /k.pem}", "ct-log.storage is required"),
        ("certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}\nct-log: {hostname: 'https://c', signing-key: /k.pem, storage: {sqlite: /d}}", "ct-log.hostname must be a bare host name"),
        ("certificate-authority: {certificate-chain: /c.pem, issuers: /i.yaml}\nct-log: {hostname: c, signing-key: /k.pem, storage: {sqlite: /d}}", "certificate-authority.signing-key is required"),
        ("""
        transparency-log: {hostname: t, storage: {sqlite: /d}, v1: {signing-key: /k.pem, tree-id: 1}}
        certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}
        ct-log: {hostname: c, signing-key: /k.pem, log-name: rekor-v1}
        """, "ct-log.log-name 'rekor-v1'"),
    ])
    func refusesABadSection(_ yaml: String, _ expected: String) {
        let error = #expect(throws: ServeConfigurationError.self) { try ServeConfiguration(yaml: yaml) }
        #expect(error?.message.hasPrefix(expected) == true, "\(error?.message ?? "")")
    }

    /// `--sqlite` and `--postgres` move the CT log with the transparency logs, and the moved
    /// names are checked again.
    @Test func storageFlagsOverrideTheCTLogsStorage() throws {
        let directory = try TemporaryDirectory()
        let file = directory.file("signetd.yaml")
        try ServeCertificateAuthorityDeployment.write("""
            transparency-log: {hostname: t, storage: {sqlite: /a}, v2: {signing-key: /k.pem, log-name: tiles}}
            certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}
            ct-log: {hostname: c, signing-key: /k.pem, storage: {sqlite: /b}, log-name: tiles}
            """, to: file)
        let command = try #require(try SignetDaemonCommand.parseAsRoot(["serve", "--config", file.path, "--postgres", "postgres://u@h/d"]) as? ServeCommand)
        let error = #expect(throws: ServeConfigurationError.self) { try command.loadConfiguration(file: file.path) }
        #expect(error?.message.hasPrefix("ct-log.log-name 'tiles'") == true)

        try ServeCertificateAuthorityDeployment.write("""
            certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}
            ct-log: {hostname: c, signing-key: /k.pem, storage: {sqlite: /b}}
            """, to: file)
        let sqlite = try #require(try SignetDaemonCommand.parseAsRoot(["serve", "--config", file.path, "--sqlite", "/moved"]) as? ServeCommand)
        #expect(try sqlite.loadConfiguration(file: file.path).ctLog?.storage == .sqlite(directory: "/moved"))
    }

    /// Without its own storage the CT log shares the transparency log's; `--sqlite` moves both.
    @Test func theCTLogSharesTheTransparencyLogsStorage() throws {
        let configuration = try ServeConfiguration(yaml: """
            transparency-log: {hostname: t, storage: {sqlite: /d}, v2: {signing-key: /k.pem}}
            certificate-authority: {signing-key: /k.pem, certificate-chain: /c.pem, issuers: /i.yaml}
            ct-log: {hostname: c, signing-key: /k.pem}
            """)
        #expect(configuration.ctLog?.storage == .sqlite(directory: "/d"))
        #expect(configuration.ctLog?.logName == "ctlog")
    }
}
