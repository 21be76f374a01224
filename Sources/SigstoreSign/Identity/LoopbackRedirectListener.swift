import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A one-shot HTTP listener on `127.0.0.1` (a port the kernel picks) that receives the OAuth
/// redirect of a browser login (RFC 8252 §7.3) and answers the browser with a short page.
final class LoopbackRedirectListener: Sendable {
    typealias Connection = NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>

    /// The path the redirect URI names.
    static let callbackPath = "/auth/callback"

    /// The port the listener is bound to.
    let port: Int
    private let server: NIOAsyncChannel<Connection, Never>

    private init(port: Int, server: NIOAsyncChannel<Connection, Never>) {
        self.port = port
        self.server = server
    }

    /// Binds to `127.0.0.1:0`.
    static func bind() async throws -> LoopbackRedirectListener {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try Connection(wrappingChannelSynchronously: channel)
                }
            }
        guard let port = server.channel.localAddress?.port else {
            try? await server.channel.close()
            throw SigningError(.identityToken, "the loopback listener for the browser login has no port")
        }
        return LoopbackRedirectListener(port: port, server: server)
    }

    /// Serves requests until one arrives for ``callbackPath``, answers it, stops listening and
    /// returns its query parameters. Other paths (a browser's `/favicon.ico`) get 404.
    ///
    /// Connections are served side by side: a browser's speculative, silent connection must not
    /// hold up the real redirect. Cancelling the calling task stops the listener.
    func receiveRedirect() async throws -> [String: String] {
        let (redirects, delivery) = AsyncStream.makeStream(of: [String: String].self)
        let server = self.server
        let serving = Task {
            try? await server.executeThenClose { connections in
                try await withThrowingDiscardingTaskGroup { group in
                    for try await connection in connections {
                        group.addTask {
                            if let parameters = try? await Self.serve(connection) {
                                delivery.yield(parameters)
                            }
                        }
                    }
                }
            }
            delivery.finish()
        }
        defer { serving.cancel() }
        for await parameters in redirects {
            return parameters
        }
        try Task.checkCancellation()
        throw SigningError(.identityToken, "the browser login listener stopped before the identity provider redirected back")
    }

    /// Stops listening; a pending ``receiveRedirect()`` ends.
    func close() async {
        try? await server.channel.close()
    }

    /// Answers one connection's first request; returns the query parameters if it was the callback.
    private static func serve(_ connection: Connection) async throws -> [String: String]? {
        try await connection.executeThenClose { requests, responses in
            var target: String?
            for try await part in requests {
                switch part {
                case .head(let head):
                    target = head.uri
                case .body:
                    continue
                case .end:
                    let components = target.flatMap { URLComponents(string: $0) }
                    guard let components, components.path == callbackPath else {
                        try await respond(status: .notFound, text: "Not found.\n", on: responses)
                        return nil
                    }
                    let parameters = formParameters(components.percentEncodedQuery ?? "")
                    let page = parameters["error"] == nil
                        ? "Signet: sign-in received. You can close this window and return to the terminal.\n"
                        : "Signet: the sign-in did not succeed (\(parameters["error"] ?? "")). Return to the terminal for details.\n"
                    try await respond(status: .ok, text: page, on: responses)
                    return parameters
                }
            }
            return nil
        }
    }

    /// RFC 6749 §4.1.2: the redirect's query is `application/x-www-form-urlencoded`, so `+` is a
    /// space. The first occurrence of a name wins.
    static func formParameters(_ query: String) -> [String: String] {
        var parameters: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(text) }
            let name = decode(parts[0])
            if parameters[name] == nil {
                parameters[name] = parts.count > 1 ? decode(parts[1]) : ""
            }
        }
        return parameters
    }

    private static func respond(status: HTTPResponseStatus, text: String, on responses: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        let body = ByteBuffer(string: text)
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: "text/plain; charset=utf-8")
        headers.add(name: "Content-Length", value: String(body.readableBytes))
        headers.add(name: "Cache-Control", value: "no-store")
        headers.add(name: "Connection", value: "close")
        try await responses.write(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers)))
        try await responses.write(.body(.byteBuffer(body)))
        try await responses.write(.end(nil))
    }
}
