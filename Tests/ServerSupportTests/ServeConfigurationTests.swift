import ArgumentParser
import Foundation
import LogEngine
import Logging
import Prometheus
@testable import ServerSupport
import SigstoreCrypto
import SigstoreTestSupport
import Testing

/// `signetd serve --config`: the file format, the flags that override it, and the checks that
/// refuse a bad deployment before it binds, each naming the key at fault.
@Suite struct ServeConfigurationTests {
    static let minimal = """
        transparency-log:
          hostname: tlog.example.com
          storage: {sqlite: /var/lib/signetd}
          v2: {signing-key: /etc/signetd/v2.pem}
        """

    @Test func readsEveryKey() throws {
        let configuration = try ServeConfiguration(yaml: """
            listen: {host: 0.0.0.0, port: 3000}
            log-level: warning
            transparency-log:
              hostname: tlog.example.com
              storage:
                postgres: postgres://signet:secret@db.internal:6543/signet?sslmode=require
                max-connections: 12
              sequencer: {max-batch-size: 256, max-batch-age: 5ms, max-queued-entries: 5000}
              max-entry-bytes: 32768
              v1:
                signing-key: /k/v1.pem
                signing-key-password-file: /k/v1.pass
                tree-id: 1_193_050_959_916_656_506
                log-name: shard-2026
              v2: {signing-key: /k/v2.pem, log-name: tiles-2026}
            timestamp-authority: {signing-key: /k/tsa.pem, certificate-chain: /k/tsa-chain.pem}
            """)
        #expect(configuration.host == "0.0.0.0" && configuration.port == 3000 && configuration.logLevel == .warning)
        let log = try #require(configuration.transparencyLog)
        #expect(log.hostname == "tlog.example.com")
        #expect(log.storage == .postgres(url: "postgres://signet:secret@db.internal:6543/signet?sslmode=require", maximumConnections: 12))
        #expect(log.sequencer.maximumBatchSize == 256 && log.sequencer.maximumBatchAge == .milliseconds(5))
        #expect(log.sequencer.maximumQueuedEntries == 5000 && log.sequencer.maximumEntrySize == 32768)
        #expect(log.v1?.treeID == 1_193_050_959_916_656_506 && log.v1?.logName == "shard-2026")
        #expect(log.v1?.signingKey == .init(path: "/k/v1.pem", passwordFile: "/k/v1.pass", key: "transparency-log.v1.signing-key"))
        #expect(log.v2?.signingKey.path == "/k/v2.pem" && log.v2?.logName == "tiles-2026")
        #expect(configuration.timestampAuthority?.certificateChain == "/k/tsa-chain.pem")
    }

    @Test func defaults() throws {
        let configuration = try ServeConfiguration(yaml: Self.minimal)
        #expect(configuration.host == "127.0.0.1" && configuration.port == 8080 && configuration.logLevel == .info)
        let log = try #require(configuration.transparencyLog)
        #expect(log.storage == .sqlite(directory: "/var/lib/signetd"))
        #expect(log.sequencer == SequencerConfiguration())
        #expect(log.v1 == nil && log.v2?.logName == "rekor-v2")
        #expect(configuration.timestampAuthority == nil)
    }

    @Test func jsonIsAcceptedToo() throws {
        let configuration = try ServeConfiguration(yaml: #"{"listen": {"port": 9000}, "transparency-log": {"hostname": "h.example", "storage": {"sqlite": "/d"}, "v2": {"signing-key": "/k"}}}"#)
        #expect(configuration.port == 9000 && configuration.transparencyLog?.hostname == "h.example")
    }

    /// The documented example in Docs/Operations.md is a valid configuration.
    @Test func theDocumentedExampleParses() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../Docs/Operations.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        let start = try #require(text.range(of: "```yaml\n# signetd.yaml"))
        let end = try #require(text.range(of: "```", range: start.upperBound..<text.endIndex))
        let configuration = try ServeConfiguration(yaml: String(text[start.upperBound..<end.lowerBound]))
        #expect(configuration.transparencyLog?.v1 != nil && configuration.transparencyLog?.v2 != nil)
        #expect(configuration.timestampAuthority != nil)
    }

    @Test(arguments: [
        ("", "empty"),
        ("- a list", "the configuration must be a mapping"),
        ("listen: {port: 80}", "hosts no service"),
        ("listen: {port: 70000}\n" + minimal, "listen.port must be an integer from 0 to 65535, not '70000'"),
        ("listen: {prot: 80}\n" + minimal, "listen.prot is not a configuration key"),
        ("log-level: loud\n" + minimal, "log-level must be one of trace, debug, info"),
        (minimal.replacingOccurrences(of: "tlog.example.com", with: "https://tlog.example.com"), "transparency-log.hostname must be a bare host name"),
        (minimal.replacingOccurrences(of: "  hostname: tlog.example.com\n", with: ""), "transparency-log.hostname is required"),
        (minimal.replacingOccurrences(of: "{sqlite: /var/lib/signetd}", with: "{sqlite: /a, postgres: 'postgres://u@h/d'}"), "transparency-log.storage sets both sqlite and postgres"),
        (minimal.replacingOccurrences(of: "{sqlite: /var/lib/signetd}", with: "{postgres: 'mysql://u@h/d'}"), "transparency-log.storage.postgres must be postgres://"),
        (minimal.replacingOccurrences(of: "{sqlite: /var/lib/signetd}", with: "{postgres: 'postgres://u@h/d?ssl=on'}"), "unsupported database URL option ssl=on"),
        (minimal.replacingOccurrences(of: "{sqlite: /var/lib/signetd}", with: "{sqlite: /a, max-connections: 3}"), "transparency-log.storage.max-connections applies to postgres storage only"),
        (minimal.replacingOccurrences(of: "  storage: {sqlite: /var/lib/signetd}\n", with: ""), "transparency-log.storage is required"),
        (minimal.replacingOccurrences(of: "  v2: {signing-key: /etc/signetd/v2.pem}", with: "  v2: {}"), "transparency-log.v2.signing-key is required"),
        (minimal.replacingOccurrences(of: "  v2: {signing-key: /etc/signetd/v2.pem}", with: "  v1: {signing-key: /k}"), "transparency-log.v1.tree-id is required: a positive 64-bit integer"),
        (minimal.replacingOccurrences(of: "  v2: {signing-key: /etc/signetd/v2.pem}", with: "  v1: {signing-key: /k, tree-id: 0}"), "transparency-log.v1.tree-id must be an integer from 1"),
        (minimal.replacingOccurrences(of: "  v2: {signing-key: /etc/signetd/v2.pem}", with: "  sequencer: {}"), "transparency-log serves no log"),
        (minimal + "\n  sequencer: {max-batch-size: 0}", "transparency-log.sequencer.max-batch-size must be an integer from 1 to 65536, not '0'"),
        (minimal + "\n  sequencer: {max-batch-age: soon}", "transparency-log.sequencer.max-batch-age must be a duration such as 5ms"),
        (minimal + "\n  sequencer: {max-batch-age: 11s}", "at most 10.0 seconds"),
        (minimal + "\n  max-entry-bytes: 100000", "transparency-log.max-entry-bytes must be an integer from 256 to 65535"),
        (minimal.replacingOccurrences(of: "v2.pem}", with: "v2.pem, log-name: ../etc}"), "transparency-log.v2.log-name must be 1 to 100 letters"),
        (minimal + "\n  v1: {signing-key: /k, tree-id: 1, log-name: rekor-v2}", "are both 'rekor-v2'"),
        (minimal + "\ntimestamp-authority: {signing-key: /k}", "timestamp-authority.certificate-chain is required"),
        ("listen: {host: a, host: b}\n" + minimal, "duplicated key(s): 'host'"),
    ])
    func refusesBadConfigurationNamingTheKey(yaml: String, message: String) {
        let error = #expect(throws: ServeConfigurationError.self) { try ServeConfiguration(yaml: yaml) }
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "no error") should say \(message)")
    }

    @Test func flagsOverrideTheFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let file = directory.file("signetd.yaml")
        try Self.minimal.write(to: file, atomically: true, encoding: .utf8)
        let command = try #require(try SignetDaemonCommand.parseAsRoot([
            "serve", "--config", file.path, "--host", "::1", "--port", "0", "--log-level", "debug", "--postgres", "postgres://u@db/x",
        ]) as? ServeCommand)
        let configuration = try command.loadConfiguration(file: file.path)
        #expect(configuration.host == "::1" && configuration.port == 0 && configuration.logLevel == .debug)
        #expect(configuration.transparencyLog?.storage == .postgres(url: "postgres://u@db/x", maximumConnections: 20))

        #expect(throws: (any Error).self) { try SignetDaemonCommand.parseAsRoot(["serve"]) }
        #expect(throws: (any Error).self) { try SignetDaemonCommand.parseAsRoot(["serve", "--dev", "--config", file.path]) }
        #expect(throws: (any Error).self) { try SignetDaemonCommand.parseAsRoot(["serve", "--config", file.path, "--sqlite", "/a", "--postgres", "postgres://u@h/d"]) }
        // `signetd --dev` stays the development stack.
        let dev = try #require(try SignetDaemonCommand.parseAsRoot(["--dev", "--port", "0"]) as? ServeCommand)
        #expect(dev.dev && dev.config == nil)
    }

    /// Keys are checked against what each log needs before anything listens.
    @Test func refusesUnusableKeysBeforeServing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let p256 = directory.file("p256.pem")
        try PrivateKey.generate(.ecdsaP256).pemRepresentation.write(to: p256, atomically: true, encoding: .utf8)
        let p384 = directory.file("p384.pem")
        try PrivateKey.generate(.ecdsaP384).pemRepresentation.write(to: p384, atomically: true, encoding: .utf8)
        let garbage = directory.file("garbage.pem")
        try "not a key".write(to: garbage, atomically: true, encoding: .utf8)

        func failure(_ logs: String) async throws -> String {
            let configuration = try ServeConfiguration(yaml: """
                transparency-log:
                  hostname: tlog.example.com
                  storage: {sqlite: \(directory.file("data").path)}
                \(logs)
                """)
            do {
                let stack = try await ProductionStack.prepare(configuration, metrics: PrometheusCollectorRegistry(), logger: Logger(label: "test"))
                await stack.stop()
                return ""
            } catch let error as ServeConfigurationError {
                return error.message
            }
        }
        #expect(try await failure("  v2: {signing-key: \(p256.path)}").contains("transparency-log.v2.signing-key must be an Ed25519 key"))
        #expect(try await failure("  v1: {signing-key: \(p384.path), tree-id: 7}").contains("a Rekor v1 checkpoint key must be ECDSA P-256, Ed25519 or RSA"))
        #expect(try await failure("  v1: {signing-key: \(garbage.path), tree-id: 7}").hasPrefix("transparency-log.v1.signing-key (\(garbage.path))"))
        #expect(try await failure("  v1: {signing-key: \(directory.file("missing.pem").path), tree-id: 7}").hasPrefix("transparency-log.v1.signing-key: cannot read"))
        #expect(try await failure("  v1: {signing-key: \(p256.path), tree-id: 7}") == "")
        // The same storage under another tree ID is another log's: refused, not forked.
        #expect(try await failure("  v1: {signing-key: \(p256.path), tree-id: 8}").contains("the storage holds the log \"tlog.example.com - 7\""))
    }

    /// An `ENCRYPTED PRIVATE KEY` that openssl wrote, with its password in a file.
    @Test func loadsEncryptedKeysWithAPasswordFile() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let key = directory.file("v1.pem")
        try OpenSSL.run(["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes256", "-pass", "pass:correct horse", "-out", key.path])
        let password = directory.file("password")
        try "correct horse\n".write(to: password, atomically: true, encoding: .utf8)
        let loaded = try ProductionStack.loadKey(.init(path: key.path, passwordFile: password.path, key: "k"))
        #expect(loaded.publicKey.algorithm == .ecdsaP256)

        try "wrong\n".write(to: password, atomically: true, encoding: .utf8)
        #expect(throws: ServeConfigurationError.self) { try ProductionStack.loadKey(.init(path: key.path, passwordFile: password.path, key: "k")) }
        #expect(throws: ServeConfigurationError.self) { try ProductionStack.loadKey(.init(path: key.path, passwordFile: nil, key: "k")) }
    }
}
