import DevIdentityProvider
import Foundation
import Hummingbird
@testable import ServerSupport
import SigstoreModels
import SigstoreVerify
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The acceptance test of the stack: the reference client (sigstore-python 4.5.1) signs and attests
/// against a live `signetd --dev` (CA, CT log, TSA, Rekor v1 and v2) with a token from the dev
/// identity provider, then both it and Signet's verifier accept the bundle — and both refuse it
/// for another identity or issuer.
@Suite(.serialized, .enabled(if: ReferenceClient.executable != nil, "sigstore-python is not installed: run Scripts/test, or set SIGSTORE_PYTHON"))
struct ReferenceClientInteropTests {
    static let identity = "alice@example.test"

    @Test(arguments: [1, 2], [false, true])
    func referenceClientSignsAgainstSignetAndBothVerifiersAgree(rekorVersion: Int, attestation: Bool) async throws {
        try await DevServer.run { server in
            let work = server.directory.appendingPathComponent("v\(rekorVersion)-\(attestation ? "attest" : "sign")")
            try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
            let artifact = work.appendingPathComponent("artifact.txt")
            try Data("signed by the reference client\n".utf8).write(to: artifact)
            let bundle = work.appendingPathComponent("artifact.sigstore.json")
            let token = try await server.token(email: Self.identity)

            var arguments = ["--trust-config", server.trustConfig.path]
            if attestation {
                let predicate = work.appendingPathComponent("provenance.json")
                try Data(#"{"buildDefinition":{"buildType":"https://signet.dev/build/v1","externalParameters":{}},"runDetails":{"builder":{"id":"https://signet.dev/builder"}}}"#.utf8).write(to: predicate)
                arguments += ["attest", "--predicate", predicate.path, "--predicate-type", "https://slsa.dev/provenance/v1"]
            } else {
                arguments += ["sign"]
            }
            arguments += ["--rekor-version", String(rekorVersion), "--identity-token", token, "--bundle", bundle.path, artifact.path]
            let signed = try ReferenceClient.run(arguments)
            try #require(signed.status == 0, "sigstore sign failed: \(signed.output)")

            // The reference client verifies its own bundle against Signet's trust configuration…
            let verify = { (identity: String, issuer: String) throws -> Int32 in
                try ReferenceClient.run([
                    "--trust-config", server.trustConfig.path, "verify", "identity", "--bundle", bundle.path,
                    "--cert-identity", identity, "--cert-oidc-issuer", issuer, artifact.path,
                ]).status
            }
            #expect(try verify(Self.identity, server.issuer) == 0)
            #expect(try verify("mallory@example.test", server.issuer) != 0)
            #expect(try verify(Self.identity, server.issuer + "/") != 0)

            // …and so does Signet's, with the same answers.
            let config = try ProtoJSON.decode(ClientTrustConfig.self, from: Data(contentsOf: server.trustConfig))
            let verifier = try BundleVerifier(trustedRoot: config.trustedRoot)
            let bundleJSON = try Data(contentsOf: bundle)
            let artifactBytes = Artifact.bytes(Array(try Data(contentsOf: artifact)))
            let result = try await verifier.verify(
                bundleJSON: bundleJSON, artifact: artifactBytes,
                policy: .identity(san: .exact(Self.identity), issuer: .exact(server.issuer))
            )
            #expect(!result.verifiedTimes.isEmpty)
            await #expect(throws: VerificationError.self) {
                _ = try await verifier.verify(
                    bundleJSON: bundleJSON, artifact: artifactBytes,
                    policy: .identity(san: .exact("mallory@example.test"), issuer: .exact(server.issuer))
                )
            }
            await #expect(throws: VerificationError.self) {
                _ = try await verifier.verify(
                    bundleJSON: bundleJSON, artifact: .bytes(Array("another artifact".utf8)),
                    policy: .identity(san: .exact(Self.identity), issuer: .exact(server.issuer))
                )
            }
        }
    }
}

/// A `signetd --dev` stack served in-process on a free loopback port, with its trust configuration.
struct DevServer {
    let directory: URL
    let port: Int
    let stack: DevStack
    let trustConfig: URL

    var issuer: String { "http://127.0.0.1:\(port)/oidc" }

    func token(email: String) async throws -> String {
        try await #require(stack.services.devIdentityProvider).mint(subject: email, email: email)
    }

    static func run(_ body: (DevServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-dev-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try freePort()
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: port, now: Date())
        let trustConfig = try DevStack.writeTrustConfig(
            files: DataDirectory(root: directory), host: "127.0.0.1", port: port, services: stack.services
        )
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: port), services: stack.services)
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { serving.cancel() }
        try await waitUntilListening(port: port)
        try await body(DevServer(directory: directory, port: port, stack: stack, trustConfig: trustConfig))
    }

    private static func waitUntilListening(port: Int) async throws {
        for _ in 0..<100 {
            if (try? ReferenceClient.curlStatus("http://127.0.0.1:\(port)/healthz")) == 0 { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("signetd did not start listening on port \(port)")
    }

    /// A port nobody listens on right now (the kernel's pick for an ephemeral bind).
    private static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(bound, "cannot find a free port")
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// The reference client from the venv `Scripts/install-test-deps` makes (`$SIGSTORE_PYTHON`).
enum ReferenceClient {
    static let executable: URL? = {
        let environment = ProcessInfo.processInfo.environment
        var candidates = [environment["SIGSTORE_PYTHON"]].compactMap { $0 }
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(repository.appendingPathComponent(".venv/bin/sigstore").path)
        return candidates.first(where: FileManager.default.isExecutableFile(atPath:)).map(URL.init(fileURLWithPath:))
    }()

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try execute(try #require(executable), arguments)
    }

    static func curlStatus(_ url: String) throws -> Int32 {
        try execute(URL(fileURLWithPath: "/usr/bin/env"), ["curl", "-sf", "-o", "/dev/null", url]).status
    }

    private static func execute(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}
