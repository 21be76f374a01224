import Hummingbird
import Logging
import NIOCore

/// A Hummingbird server on `127.0.0.1` with a kernel-chosen port, running for the length of `body`.
enum IdentityTestServer {
    /// Cancelling the server at the end of a test logs a harmless "already closed"; keep it out of test output.
    static let quietLogger: Logger = {
        var logger = Logger(label: "identity-test-server")
        logger.logLevel = .critical
        return logger
    }()

    static func run<Result: Sendable>(
        _ router: Router<BasicRequestContext>,
        _ body: @Sendable (_ baseURL: String) async throws -> Result
    ) async throws -> Result {
        let (ports, delivery) = AsyncStream.makeStream(of: Int.self)
        let app = Application(
            router: router,
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                delivery.yield(channel.localAddress?.port ?? 0)
                delivery.finish()
            },
            logger: Self.quietLogger
        )
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { serving.cancel() }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next(), port > 0 else {
            throw IdentityTestServerError()
        }
        return try await body("http://127.0.0.1:\(port)")
    }
}

struct IdentityTestServerError: Error, CustomStringConvertible {
    var description: String { "the test server did not start" }
}
