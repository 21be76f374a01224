public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// The HTTP transport every Sigstore service client shares: one request, one bounded answer.
///
/// Each call has a deadline and caps the response body; every failure (connection, timeout,
/// oversized body) arrives as a ``ServiceClientError``. Non-2xx statuses are *returned*, not
/// thrown, so each client can read the service's error body; ``ServiceHTTPResponse/requireSuccess(_:)``
/// turns them into ``ServiceClientError/Code/rejected`` with the service's own message.
public struct ServiceHTTPClient: Sendable {
    private let httpClient: HTTPClient
    /// How long one request may take, connection to last byte.
    public let timeout: Duration
    /// The largest response body accepted, in bytes.
    public let maximumResponseSize: Int

    /// The default cap: far above any certificate chain, log entry or timestamp reply.
    public static let defaultMaximumResponseSize = 4 << 20

    /// The process-wide client the service clients use by default: like `HTTPClient.shared`, but
    /// connection attempts give up after 5 s, so a service that is down is reported in seconds
    /// rather than after the whole request deadline. Like `.shared`, it lives as long as the process.
    public static let sharedHTTPClient: HTTPClient = {
        var configuration = HTTPClient.Configuration()
        configuration.timeout.connect = .seconds(5)
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()

    public init(httpClient: HTTPClient = ServiceHTTPClient.sharedHTTPClient, timeout: Duration = .seconds(30), maximumResponseSize: Int = defaultMaximumResponseSize) {
        self.httpClient = httpClient
        self.timeout = timeout
        self.maximumResponseSize = maximumResponseSize
    }

    /// `GET url`.
    public func get(_ url: String, accept: String? = nil) async throws -> ServiceHTTPResponse {
        var headers: [(String, String)] = []
        if let accept { headers.append(("Accept", accept)) }
        return try await send(.GET, url, body: nil, headers: headers)
    }

    /// `POST url` with a JSON body (`Content-Type: application/json`).
    public func postJSON(_ url: String, body: [UInt8], headers: [(String, String)] = []) async throws -> ServiceHTTPResponse {
        try await post(url, body: body, contentType: "application/json", headers: headers)
    }

    /// `POST url` with `body` of the given content type.
    public func post(_ url: String, body: [UInt8], contentType: String, headers: [(String, String)] = []) async throws -> ServiceHTTPResponse {
        try await send(.POST, url, body: body, headers: [("Content-Type", contentType)] + headers)
    }

    private func send(_ method: HTTPMethod, _ url: String, body: [UInt8]?, headers: [(String, String)]) async throws -> ServiceHTTPResponse {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https", parsed.host != nil else {
            throw ServiceClientError(.invalidRequest, "\(url) is not an http(s) URL")
        }
        var request = HTTPClientRequest(url: url)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        // A signing run makes a handful of calls: keep no idle connection behind to a service
        // that may stop at any moment (the in-process test stacks do, many times a run).
        request.headers.replaceOrAdd(name: "Connection", value: "close")
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let (seconds, attoseconds) = timeout.components
        let deadline = TimeAmount.nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, timeout: deadline)
        } catch {
            throw ServiceClientError(.unreachable, "\(method.rawValue) \(url) failed: \(Self.describe(error))")
        }
        let collected: ByteBuffer
        do {
            collected = try await response.body.collect(upTo: maximumResponseSize)
        } catch is NIOTooManyBytesError {
            throw ServiceClientError(.malformedResponse, "\(method.rawValue) \(url): the answer is larger than \(maximumResponseSize) bytes", status: Int(response.status.code))
        } catch {
            throw ServiceClientError(.unreachable, "\(method.rawValue) \(url): reading the answer failed: \(Self.describe(error))", status: Int(response.status.code))
        }
        return ServiceHTTPResponse(
            url: url,
            status: Int(response.status.code),
            headers: response.headers.map { ($0.name, $0.value) },
            body: Array(buffer: collected)
        )
    }

    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            if error == .deadlineExceeded || error == .readTimeout || error == .connectTimeout { return "timed out" }
        }
        return String(describing: error)
    }
}

/// What a service answered: status, headers and the (size-capped) body.
public struct ServiceHTTPResponse: Sendable {
    public let url: String
    public let status: Int
    public let headers: [(String, String)]
    public let body: [UInt8]

    public init(url: String, status: Int, headers: [(String, String)], body: [UInt8]) {
        self.url = url
        self.status = status
        self.headers = headers
        self.body = body
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// The first value of header `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        headers.first { $0.0.lowercased() == name.lowercased() }?.1
    }

    /// The service's own explanation from a `{"code","message"}` error body, else the body's
    /// first 200 characters.
    public var errorMessage: String {
        if let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
           let message = object["message"] as? String, !message.isEmpty {
            return message
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? "no explanation given" : text
    }

    /// Returns self for a 2xx status (or one of `accepted`), else throws `.rejected` with the
    /// status and the service's message. `what` names the call in the message ("the CA").
    @discardableResult
    public func requireSuccess(_ what: String, accepted: Set<Int>? = nil) throws -> ServiceHTTPResponse {
        let ok = accepted.map { $0.contains(status) } ?? isSuccess
        guard ok else {
            throw ServiceClientError(.rejected, "\(what) at \(url) refused the request (HTTP \(status)): \(errorMessage)", status: status)
        }
        return self
    }
}

/// Joins a configured service base URL and an API path without doubling or dropping slashes.
public enum ServiceURL {
    public static func join(_ base: String, _ path: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return trimmed + (path.hasPrefix("/") ? path : "/" + path)
    }
}
