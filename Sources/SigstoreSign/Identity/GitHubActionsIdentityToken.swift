import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Ambient credentials in GitHub Actions: a job with `permissions: id-token: write` has
/// `ACTIONS_ID_TOKEN_REQUEST_URL` and `ACTIONS_ID_TOKEN_REQUEST_TOKEN`; a GET of the URL with
/// `&audience=…` and the bearer token answers `{"value": "<JWT>"}`.
enum GitHubActionsIdentityToken {
    static let urlVariable = "ACTIONS_ID_TOKEN_REQUEST_URL"
    static let tokenVariable = "ACTIONS_ID_TOKEN_REQUEST_TOKEN"
    /// The largest answer read: an ID token is a few kilobytes.
    static let maximumResponseSize = 64 << 10
    static let timeout = TimeAmount.seconds(30)

    /// Whether the environment offers GitHub Actions ID tokens.
    static func isAvailable(in environment: [String: String]) -> Bool {
        !(environment[urlVariable] ?? "").isEmpty && !(environment[tokenVariable] ?? "").isEmpty
    }

    /// Requests an ID token for `audience`.
    ///
    /// - Throws: ``SigningError`` `.identityToken` when the request fails or the answer holds no token.
    static func fetch(environment: [String: String], audience: String, httpClient: HTTPClient = .shared) async throws -> String {
        guard let base = environment[urlVariable], let bearer = environment[tokenVariable] else {
            throw SigningError(.identityToken, "GitHub Actions ID tokens need \(urlVariable) and \(tokenVariable)")
        }
        guard var components = URLComponents(string: base) else {
            throw SigningError(.identityToken, "\(urlVariable) is not an http(s) URL")
        }
        components.queryItems = (components.queryItems ?? []) + [URLQueryItem(name: "audience", value: audience)]
        guard let url = components.string, let scheme = components.scheme, ["http", "https"].contains(scheme) else {
            throw SigningError(.identityToken, "\(urlVariable) is not an http(s) URL")
        }
        var request = HTTPClientRequest(url: url)
        request.headers.add(name: "Authorization", value: "bearer \(bearer)")
        request.headers.add(name: "Accept", value: "application/json")
        let body: ByteBuffer
        let status: HTTPResponseStatus
        do {
            let response = try await httpClient.execute(request, timeout: timeout)
            status = response.status
            body = try await response.body.collect(upTo: maximumResponseSize)
        } catch {
            throw SigningError(.identityToken, "requesting a GitHub Actions ID token failed: \(error)")
        }
        guard status == .ok else {
            let text = String(decoding: Array(buffer: body).prefix(200), as: UTF8.self)
            throw SigningError(.identityToken, "GitHub Actions refused the ID token request (HTTP \(status.code)): \(text)")
        }
        struct Answer: Decodable { var value: String }
        guard let answer = try? JSONDecoder().decode(Answer.self, from: Data(Array(buffer: body))), !answer.value.isEmpty else {
            throw SigningError(.identityToken, "GitHub Actions answered the ID token request without a token (expected {\"value\": \"<JWT>\"})")
        }
        return answer.value
    }
}
