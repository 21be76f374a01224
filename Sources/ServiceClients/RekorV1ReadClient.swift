public import AsyncHTTPClient
import Foundation
public import SigstoreModels

/// The read side of a transparency log's Rekor v1 API (interop contract §4.1): the tree head,
/// consistency proofs, the log key, entries by index or UUID, and the search index.
///
/// The client only fetches and decodes; it trusts nothing it reads. Callers verify checkpoints,
/// proofs and SETs against keys they already trust.
public struct RekorV1ReadClient: Sendable {
    /// The log's base URL without a trailing slash, e.g. `https://rekor.sigstore.dev`.
    public let baseURL: String
    let http: ServiceHTTPClient

    /// - Parameters:
    ///   - baseURL: The log's base URL; the `/api/v1/…` paths are appended to it.
    ///   - httpClient: The client to send requests with; the process-wide shared one by default.
    ///   - timeout: The deadline for each request, from sending it to reading the whole answer.
    public init(baseURL: String, httpClient: HTTPClient = .shared, timeout: Duration = .seconds(30)) {
        var url = baseURL
        while url.hasSuffix("/") { url.removeLast() }
        self.baseURL = url
        self.http = ServiceHTTPClient(httpClient: httpClient, timeout: timeout, maximumResponseSize: Self.maximumResponseBytes)
    }

    /// `GET /api/v1/log`: the current tree head and its signed checkpoint.
    public func logInfo() async throws(ServiceClientError) -> RekorV1.LogInfo {
        try decode(RekorV1.LogInfo.self, from: try await get("/api/v1/log"), what: "log info")
    }

    /// `GET /api/v1/log/proof`: an RFC 6962 consistency proof from the tree of `firstSize` leaves
    /// to the tree of `lastSize` leaves.
    ///
    /// - Parameter treeID: The shard to ask about; the active shard when `nil`.
    public func consistencyProof(
        firstSize: Int64, lastSize: Int64, treeID: String? = nil
    ) async throws(ServiceClientError) -> RekorV1.ConsistencyProof {
        guard firstSize >= 0, lastSize >= firstSize else {
            throw ServiceClientError(.invalidRequest, "a consistency proof needs 0 ≤ firstSize ≤ lastSize, not \(firstSize) and \(lastSize)")
        }
        var path = "/api/v1/log/proof?firstSize=\(firstSize)&lastSize=\(lastSize)"
        if let treeID {
            guard Self.isDecimal(treeID) else {
                throw ServiceClientError(.invalidRequest, "the tree ID \(String(reflecting: treeID)) is not a decimal number")
            }
            path += "&treeID=\(treeID)"
        }
        return try decode(RekorV1.ConsistencyProof.self, from: try await get(path), what: "consistency proof")
    }

    /// `GET /api/v1/log/publicKey`: the PEM key the log signs checkpoints and SETs with.
    public func publicKeyPEM() async throws(ServiceClientError) -> String {
        let body = try await get("/api/v1/log/publicKey")
        guard let text = String(validating: body, as: UTF8.self), text.contains("-----BEGIN ") else {
            throw ServiceClientError(.malformedResponse, "the log at \(baseURL) answered /api/v1/log/publicKey with something other than PEM")
        }
        return text
    }

    /// `GET /api/v1/log/entries?logIndex=N`: the entry at global index `logIndex`.
    public func entry(logIndex: Int64) async throws(ServiceClientError) -> RekorV1.LogEntryResponse {
        guard logIndex >= 0 else {
            throw ServiceClientError(.invalidRequest, "a log index is not negative, got \(logIndex)")
        }
        let body = try await get("/api/v1/log/entries?logIndex=\(logIndex)")
        return try decode(RekorV1.LogEntryResponse.self, from: body, what: "log entry")
    }

    /// `GET /api/v1/log/entries/{uuid}`: the entry with a 64-hex UUID or 80-hex entry ID.
    public func entry(uuid: String) async throws(ServiceClientError) -> RekorV1.LogEntryResponse {
        guard Self.isEntryUUID(uuid) else {
            throw ServiceClientError(.invalidRequest, "\(String(reflecting: uuid)) is not a 64-hex entry UUID or 80-hex entry ID")
        }
        let body = try await get("/api/v1/log/entries/\(uuid.lowercased())")
        return try decode(RekorV1.LogEntryResponse.self, from: body, what: "log entry")
    }

    /// `POST /api/v1/index/retrieve`: the UUIDs (or entry IDs) of the entries matching `query`.
    public func searchIndex(_ query: RekorV1.SearchIndex) async throws(ServiceClientError) -> [String] {
        let uuids = try decode([String].self, from: try await post("/api/v1/index/retrieve", body: try encode(query)), what: "search result")
        if let bad = uuids.first(where: { !Self.isEntryUUID($0) }) {
            throw ServiceClientError(.malformedResponse, "the log at \(baseURL) returned \(String(reflecting: bad)), which is not an entry UUID")
        }
        return uuids
    }

    /// `POST /api/v1/log/entries/retrieve`: the entries named by UUID, index or content; entries
    /// the log lacks are left out of the answer.
    public func retrieveEntries(_ query: RekorV1.SearchLogQuery) async throws(ServiceClientError) -> [RekorV1.LogEntryResponse] {
        let body = try await post("/api/v1/log/entries/retrieve", body: try encode(query))
        return try decode([RekorV1.LogEntryResponse].self, from: body, what: "entry list")
    }

    static func isEntryUUID(_ text: String) -> Bool {
        (text.utf8.count == 64 || text.utf8.count == 80) && text.utf8.allSatisfy { byte in
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    private static func isDecimal(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}
