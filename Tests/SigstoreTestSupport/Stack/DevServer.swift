import AsyncHTTPClient
import DevIdentityProvider
public import Foundation
import Hummingbird
import NIOHTTP1
import ServerSupport
#if canImport(Glibc)
import Glibc
#endif

/// A `signetd --dev` stack (CA, CT log, TSA, Rekor v1 and v2, dev identity provider) served
/// in-process on a free loopback port, with the trust configuration it wrote.
public struct DevServer: Sendable {
    /// The stack's data directory (removed when ``run(_:)`` returns); tests may write scratch files here.
    public let directory: URL
    public let port: Int
    /// `DATA/trust_config.json`: the trusted root and signing config of this stack.
    public let trustConfig: URL
    let services: HostedServices

    /// The origin all services share, `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// The dev identity provider's issuer URL.
    public var issuer: String { "\(baseURL)/oidc" }

    /// An identity token for `email` from the dev identity provider (10 minutes by default).
    public func token(email: String, lifetime: TimeInterval = 600) async throws -> String {
        guard let provider = services.devIdentityProvider else { throw DevServerError("the dev stack has no identity provider") }
        return try await provider.mint(subject: email, email: email, lifetime: lifetime)
    }

    /// Starts a fresh stack, runs `body` against it, then stops it and removes its data.
    public static func run(_ body: (DevServer) async throws -> Void) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-dev-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let port = try freePort()
        let stack = try DevStack.prepare(dataDirectory: directory, host: "127.0.0.1", port: port, now: Date())
        let trustConfig = try DevStack.writeTrustConfig(
            dataDirectory: directory, host: "127.0.0.1", port: port, services: stack.services
        )
        let app = SignetApplication.build(configuration: ServerConfiguration(host: "127.0.0.1", port: port), services: stack.services)
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        do {
            try await waitUntilListening(port: port)
            try await body(DevServer(directory: directory, port: port, trustConfig: trustConfig, services: stack.services))
        } catch {
            serving.cancel()
            _ = await serving.result
            throw error
        }
        // Stop the server and wait until it has, before its data directory goes.
        serving.cancel()
        _ = await serving.result
    }

    /// Polls `/healthz` until it answers 200. The probe completes a whole HTTP exchange and asks
    /// for the connection to be closed (a bare TCP connect, or a pooled keep-alive connection,
    /// could race the server's shutdown). It runs in process: spawning `curl` for every poll
    /// crashed inside Foundation's `Process.run()` under the suite's load.
    private static func waitUntilListening(port: Int) async throws {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz")
        request.headers.add(name: "Connection", value: "close")
        for _ in 0..<100 {
            if let response = try? await HTTPClient.shared.execute(request, timeout: .seconds(2)) {
                _ = try? await response.body.collect(upTo: 1 << 16)
                if response.status == .ok { return }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw DevServerError("signetd did not start listening on port \(port)")
    }

    /// A port nobody listens on right now (the kernel's pick for an ephemeral bind).
    public static func freePort() throws -> Int {
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
        guard bound else { throw DevServerError("cannot find a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

/// Why the in-process dev stack could not start or serve a request.
public struct DevServerError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
