import ArgumentParser
import CAService
import Foundation
@testable import ServerSupport
import SigstoreCrypto
import SwiftASN1
import SigstoreTestSupport
import Testing
import X509

/// `signetd ca init`: the files it writes, that the CA loads them and issues chains OpenSSL
/// accepts, and that it never overwrites anything.
@Suite struct CAInitTests {
    static func scratch() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ca-init-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    static func initializer(_ directory: URL, _ algorithm: KeyAlgorithm = .ecdsaP256, password: String? = nil) -> CAInit {
        CAInit(
            directory: directory, algorithm: algorithm, organization: "signet.test", commonName: "signet-test-ca", validityYears: 2,
            password: password.map { Array($0.utf8) }
        )
    }

    static func text(_ directory: URL, _ name: String) throws -> String {
        try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    @Test(arguments: [KeyAlgorithm.ecdsaP256, .ecdsaP384])
    func writesAChainTheCALoadsAndOpenSSLVerifies(_ algorithm: KeyAlgorithm) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let now = Date()
        let written = try Self.initializer(directory.appendingPathComponent("ca"), algorithm).run(now: now)
        let ca = directory.appendingPathComponent("ca")
        #expect(written.map(\.lastPathComponent) == ["root.pem", "intermediate.pem", "chain.pem", "intermediate-key.pem"])
        let mode = try FileManager.default.attributesOfItem(atPath: ca.appendingPathComponent("intermediate-key.pem").path)[.posixPermissions] as? Int
        #expect(mode == 0o600)

        let keys = try CertificateAuthorityKeys(
            privateKeyPEM: try Self.text(ca, "intermediate-key.pem"), chainPEM: try Self.text(ca, "chain.pem")
        )
        #expect(keys.signer.publicKey.algorithm == algorithm)
        #expect(keys.root == (try Certificate(pemEncoded: try Self.text(ca, "root.pem"))))
        #expect(keys.issuingCertificate == (try Certificate(pemEncoded: try Self.text(ca, "intermediate.pem"))))
        #expect(keys.root.subject.description.contains("signet-test-ca"))
        #expect(keys.issuingCertificate.notValidBefore <= now)
        #expect(keys.root.notValidAfter > now.addingTimeInterval(2 * 365 * 86_400 - 86_400))

        let output = try OpenSSL.run(["verify", "-CAfile", ca.appendingPathComponent("root.pem").path, ca.appendingPathComponent("intermediate.pem").path])
        #expect(output.contains(": OK"))
    }

    /// The dev stack picks up a CA made by `ca init` in DATA/ca and issues from it at once.
    @Test func theDevStackIssuesFromAnInitializedCA() async throws {
        try await CertificateAuthorityLiveDevStack.run(prepare: { directory in
            try Self.initializer(directory.appendingPathComponent("ca"), .ecdsaP256).run(now: Date())
        }) { stack in
            let ca = stack.directory.appendingPathComponent("ca")
            let root = try Certificate(pemEncoded: try Self.text(ca, "root.pem"))
            let intermediate = try Certificate(pemEncoded: try Self.text(ca, "intermediate.pem"))
            let chain = try await stack.issue(token: try await stack.mintToken(#"{"email":"ca-init@signet.test"}"#))
            #expect(Array(chain.dropFirst()) == [intermediate, root])
            #expect(chain[0].signatureAlgorithm == .ecdsaWithSHA256)
            let output = try OpenSSL.run([
                "verify", "-CAfile", ca.appendingPathComponent("root.pem").path,
                "-untrusted", ca.appendingPathComponent("intermediate.pem").path, try Self.writeLeaf(chain[0], in: stack.directory),
            ])
            #expect(output.contains(": OK"))
        }
    }

    static func writeLeaf(_ leaf: Certificate, in directory: URL) throws -> String {
        let file = directory.appendingPathComponent("leaf.pem")
        try Data(try leaf.serializeAsPEM().pemString.utf8).write(to: file)
        return file.path
    }

    @Test func anEncryptedKeyLoadsOnlyWithItsPassword() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.initializer(directory, .ecdsaP384, password: "hunter2-but-longer").run(now: Date())
        let keyPEM = try Self.text(directory, "intermediate-key.pem")
        #expect(keyPEM.hasPrefix("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
        let chainPEM = try Self.text(directory, "chain.pem")
        let keys = try CertificateAuthorityKeys(privateKeyPEM: keyPEM, password: Array("hunter2-but-longer".utf8), chainPEM: chainPEM)
        #expect(keys.signer.publicKey.algorithm == .ecdsaP384)
        #expect(throws: CAError.self) { try CertificateAuthorityKeys(privateKeyPEM: keyPEM, chainPEM: chainPEM) }
        #expect(throws: CAError.self) { try CertificateAuthorityKeys(privateKeyPEM: keyPEM, password: Array("hunter3".utf8), chainPEM: chainPEM) }
        let publicPEM = try OpenSSL.run([
            "pkey", "-in", directory.appendingPathComponent("intermediate-key.pem").path, "-passin", "pass:hunter2-but-longer", "-pubout",
        ])
        #expect(try PublicKey(pemEncoded: publicPEM) == keys.signer.publicKey)
    }

    /// Any one existing file stops the whole run before anything is written.
    @Test(arguments: ["root.pem", "intermediate.pem", "chain.pem", "intermediate-key.pem"])
    func refusesToOverwriteAnything(_ existing: String) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let original = Data("precious\n".utf8)
        try original.write(to: directory.appendingPathComponent(existing))
        let error = #expect(throws: CAInitError.self) { try Self.initializer(directory).run(now: Date()) }
        #expect(error?.description.contains(existing) == true)
        #expect(try Data(contentsOf: directory.appendingPathComponent(existing)) == original)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [existing])
    }

    @Test func theCommandWritesTheFilesAndRefusesASecondRun() throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let out = directory.appendingPathComponent("ca").path
        var command = try SignetDaemonCommand.parseAsRoot(["ca", "init", "--out", out, "--key-type", "ecdsa-p256", "--common-name", "cli-ca"])
        try command.run()
        let keys = try CertificateAuthorityKeys(
            privateKeyPEM: try Self.text(URL(fileURLWithPath: out), "intermediate-key.pem"),
            chainPEM: try Self.text(URL(fileURLWithPath: out), "chain.pem")
        )
        #expect(keys.signer.publicKey.algorithm == .ecdsaP256)
        let before = try Self.text(URL(fileURLWithPath: out), "chain.pem")
        var again = try SignetDaemonCommand.parseAsRoot(["ca", "init", "--out", out])
        #expect(throws: ExitCode.self) { try again.run() }
        #expect(try Self.text(URL(fileURLWithPath: out), "chain.pem") == before)
    }

    @Test(arguments: [
        ["--key-type", "rsa-2048"], ["--validity-years", "0"], ["--common-name", ""], ["--password-env", "SIGNET_TEST_UNSET_VARIABLE_7F3A"],
    ])
    func theCommandRefusesBadOptions(_ options: [String]) throws {
        let directory = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(throws: (any Error).self) {
            _ = try SignetDaemonCommand.parseAsRoot(["ca", "init", "--out", directory.appendingPathComponent("ca").path] + options)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("ca").path))
    }
}
