import SigstoreModels

extension RekorV1ReadClient {
    /// The largest answer read: a retrieve may return ten entries, and an `intoto` entry can be
    /// large, so the cap is the v1 document limit.
    static let maximumResponseBytes = RekorV1.maximumDocumentSize

    func get(_ path: String) async throws(ServiceClientError) -> [UInt8] {
        try await successBody(path) { try await http.get(ServiceURL.join(baseURL, path), accept: "application/json") }
    }

    func post(_ path: String, body: [UInt8]) async throws(ServiceClientError) -> [UInt8] {
        try await successBody(path) {
            try await http.postJSON(ServiceURL.join(baseURL, path), body: body, headers: [("Accept", "application/json")])
        }
    }

    /// The body of a 2xx answer; anything else becomes a ``ServiceClientError`` naming the log.
    private func successBody(
        _ path: String, _ send: () async throws -> ServiceHTTPResponse
    ) async throws(ServiceClientError) -> [UInt8] {
        do {
            return try await send().requireSuccess("the transparency log").body
        } catch let error as ServiceClientError {
            throw error
        } catch {
            throw ServiceClientError(.unreachable, "\(baseURL)\(path) failed: \(error)")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from body: [UInt8], what: String) throws(ServiceClientError) -> T {
        do {
            return try JSONValue(parsing: body, limits: JSONLimits(maxBytes: Self.maximumResponseBytes))
                .decode(type, rejectingUnknownMembers: false)
        } catch {
            throw ServiceClientError(.malformedResponse, "the log at \(baseURL) answered with an invalid \(what): \(error)")
        }
    }

    func encode(_ value: some Encodable) throws(ServiceClientError) -> [UInt8] {
        do {
            return try CanonicalJSON.encode(value)
        } catch {
            throw ServiceClientError(.invalidRequest, "cannot encode the request: \(error)")
        }
    }
}
