import Foundation
import SigstoreCrypto
import Testing

/// `signet generate-key-pair`, and `signet public-key` on the encrypted keys it writes.
@Suite struct GenerateKeyPairCommandTests {
    static let env = URL(fileURLWithPath: "/usr/bin/env")

    /// Runs `signet` with exactly the password variables given (none inherited from the test run).
    static func signet(_ arguments: [String], passwords: [String: String] = [:]) throws -> ProcessOutcome {
        let unset = ["-u", "COSIGN_PASSWORD", "-u", "SIGNET_PASSWORD"]
        let assignments = passwords.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return try SignetProcess.run(env, unset + assignments + [SignetProcess.binary.path] + arguments)
    }

    @Test func writesAnEncryptedKeyAndItsPublicKeyThatSignAndVerify() throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("release")
        let outcome = try Self.signet(["generate-key-pair", "--output-key-prefix", prefix], passwords: ["COSIGN_PASSWORD": "s3cret"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.errorLines == ["Private key written to \(prefix).key", "Public key written to \(prefix).pub"])

        let attributes = try FileManager.default.attributesOfItem(atPath: prefix + ".key")
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let pem = try String(contentsOfFile: prefix + ".key", encoding: .utf8)
        #expect(pem.hasPrefix("-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n"))
        let publicKey = try PublicKey(pemEncoded: String(contentsOfFile: prefix + ".pub", encoding: .utf8))
        #expect(publicKey.algorithm == .ecdsaP256)

        let privateKey = try EncryptedSigningKey.decrypt(pem: pem, password: Array("s3cret".utf8))
        #expect(privateKey.publicKey == publicKey)
        let message = Array("generated, decrypted, signed".utf8)
        #expect(try publicKey.isValidSignature(privateKey.signature(for: message), for: message))
        #expect(throws: CryptoError.self) { try EncryptedSigningKey.decrypt(pem: pem, password: Array("S3cret".utf8)) }
    }

    @Test(arguments: [("p384", KeyAlgorithm.ecdsaP384), ("ed25519", .ed25519)])
    func makesTheRequestedKeyType(name: String, algorithm: KeyAlgorithm) throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("k")
        let outcome = try Self.signet(["generate-key-pair", "--output-key-prefix", prefix, "--key-type", name], passwords: ["SIGNET_PASSWORD": "pw"])
        #expect(outcome.status == 0, "\(outcome)")
        let key = try EncryptedSigningKey.decrypt(pem: String(contentsOfFile: prefix + ".key", encoding: .utf8), password: Array("pw".utf8))
        #expect(key.algorithm == algorithm)
    }

    @Test func refusesAnUnknownKeyType() throws {
        let scratch = try ScratchDirectory()
        let outcome = try Self.signet(["generate-key-pair", "--output-key-prefix", scratch.path("k"), "--key-type", "rsa512"], passwords: ["COSIGN_PASSWORD": "pw"])
        #expect(outcome.status != 0)
        #expect(outcome.standardError.contains("rsa512"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path("k.key")))
    }

    /// SIGNET_PASSWORD wins over COSIGN_PASSWORD; an empty one counts as set.
    @Test func signetPasswordWinsAndMayBeEmpty() throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("k")
        let outcome = try Self.signet(["generate-key-pair", "--output-key-prefix", prefix], passwords: ["SIGNET_PASSWORD": "", "COSIGN_PASSWORD": "other"])
        #expect(outcome.status == 0, "\(outcome)")
        let pem = try String(contentsOfFile: prefix + ".key", encoding: .utf8)
        #expect(throws: Never.self) { try EncryptedSigningKey.decrypt(pem: pem, password: [UInt8]()) }
    }

    @Test func refusesToOverwriteWithoutForce() throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("k")
        let existing = try scratch.write("k.pub", Array("keep me\n".utf8))
        let refused = try Self.signet(["generate-key-pair", "--output-key-prefix", prefix], passwords: ["COSIGN_PASSWORD": "pw"])
        #expect(refused.status == 1)
        #expect(refused.errorLines == ["Error: \(existing) already exists; pass --force to replace it"])
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me\n")
        #expect(!FileManager.default.fileExists(atPath: prefix + ".key"))

        let forced = try Self.signet(["generate-key-pair", "--output-key-prefix", prefix, "--force"], passwords: ["COSIGN_PASSWORD": "pw"])
        #expect(forced.status == 0, "\(forced)")
        #expect(try PublicKey(pemEncoded: String(contentsOfFile: existing, encoding: .utf8)).algorithm == .ecdsaP256)
    }

    @Test func refusesToPromptWithoutATerminal() throws {
        let scratch = try ScratchDirectory()
        let outcome = try Self.signet(["generate-key-pair", "--output-key-prefix", scratch.path("k")])
        #expect(outcome.status == 1)
        #expect(outcome.errorLines == [
            "Error: standard input is not a terminal, so the password cannot be asked for; set COSIGN_PASSWORD or SIGNET_PASSWORD",
        ])
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.path).isEmpty)
    }

    /// Drives `signet` on a pseudo-terminal (Python's `pty`): waits for each password prompt,
    /// then types the next answer, so that echo has been turned off before anything is typed.
    static let terminalDriver = #"""
        import os, pty, select, sys
        answers = sys.argv[1].split("\n")
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.argv[2], sys.argv[2:])
        out = b""
        def read_some():
            global out
            ready, _, _ = select.select([fd], [], [], 30)
            if not ready:
                raise SystemExit("timed out; the terminal shows: %r" % out)
            try:
                chunk = os.read(fd, 1024)
            except OSError:
                chunk = b""
            out += chunk
            return chunk
        for index, answer in enumerate(answers):
            while out.count(b"Enter password") <= index or not out.endswith(b": "):
                if not read_some():
                    break
            os.write(fd, answer.encode() + b"\n")
        while read_some():
            pass
        _, status = os.waitpid(pid, 0)
        sys.stdout.write(out.decode(errors="replace"))
        sys.exit(os.waitstatus_to_exitcode(status))
        """#

    static let hasPython = FileManager.default.isExecutableFile(atPath: "/usr/bin/python3")

    static func atTerminal(_ arguments: [String], typing answers: [String]) throws -> ProcessOutcome {
        try SignetProcess.run(env, ["-u", "COSIGN_PASSWORD", "-u", "SIGNET_PASSWORD", "python3", "-c", terminalDriver,
                                    answers.joined(separator: "\n"), SignetProcess.binary.path] + arguments)
    }

    /// On a terminal the password is asked twice, and what is typed is not echoed.
    @Test(.enabled(if: hasPython, "python3 not found: skipping the terminal prompt test"))
    func asksTwiceOnATerminalWithoutEcho() throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("k")
        let outcome = try Self.atTerminal(["generate-key-pair", "--output-key-prefix", prefix], typing: ["typed pw", "typed pw"])
        #expect(outcome.status == 0, "\(outcome)")
        #expect(outcome.standardOutput.contains("Enter password for private key: "))
        #expect(outcome.standardOutput.contains("Enter password for private key again: "))
        #expect(outcome.standardOutput.contains("Private key written to \(prefix).key"))
        #expect(!outcome.standardOutput.contains("typed pw"), "the password was echoed: \(outcome)")
        let pem = try String(contentsOfFile: prefix + ".key", encoding: .utf8)
        #expect(try EncryptedSigningKey.decrypt(pem: pem, password: Array("typed pw".utf8)).algorithm == .ecdsaP256)

        let opened = try Self.atTerminal(["public-key", "--key", prefix + ".key"], typing: ["typed pw"])
        #expect(opened.status == 0, "\(opened)")
        #expect(opened.standardOutput.contains("Enter password for private key \(prefix).key: "))
        #expect(opened.standardOutput.contains(try String(contentsOfFile: prefix + ".pub", encoding: .utf8).replacingOccurrences(of: "\n", with: "\r\n")))
    }

    @Test(.enabled(if: hasPython, "python3 not found: skipping the terminal prompt test"))
    func refusesMismatchedOrEmptyPasswordsOnATerminal() throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("k")
        let mismatched = try Self.atTerminal(["generate-key-pair", "--output-key-prefix", prefix], typing: ["one", "two"])
        #expect(mismatched.status == 1)
        #expect(mismatched.standardOutput.contains("Error: the passwords do not match"), "\(mismatched)")

        let empty = try Self.atTerminal(["generate-key-pair", "--output-key-prefix", prefix], typing: [""])
        #expect(empty.status == 1)
        #expect(empty.standardOutput.contains("Error: the password is empty; to really use an empty password, set COSIGN_PASSWORD="), "\(empty)")
        #expect(!FileManager.default.fileExists(atPath: prefix + ".key"))
    }

    @Test func publicKeyOpensAnEncryptedKeyWithThePasswordFromTheEnvironment() throws {
        let scratch = try ScratchDirectory()
        let prefix = scratch.path("k")
        let generated = try Self.signet(["generate-key-pair", "--output-key-prefix", prefix], passwords: ["COSIGN_PASSWORD": "pw"])
        #expect(generated.status == 0, "\(generated)")

        let opened = try Self.signet(["public-key", "--key", prefix + ".key"], passwords: ["COSIGN_PASSWORD": "pw"])
        #expect(opened.status == 0, "\(opened)")
        #expect(opened.standardOutput == (try String(contentsOfFile: prefix + ".pub", encoding: .utf8)))

        let wrong = try Self.signet(["public-key", "--key", prefix + ".key"], passwords: ["COSIGN_PASSWORD": "PW"])
        #expect(wrong.status == 1)
        #expect(wrong.errorLines == ["Error: cannot open the private key \(prefix).key: wrong password or corrupted key"])

        let noTerminal = try Self.signet(["public-key", "--key", prefix + ".key"])
        #expect(noTerminal.status == 1)
        #expect(noTerminal.standardError.contains("standard input is not a terminal"))
    }
}
