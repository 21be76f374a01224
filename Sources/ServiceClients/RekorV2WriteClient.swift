import Foundation
public import SigstoreModels

/// A Rekor v2 (rekor-tiles) log's write side: `POST {base}/api/v2/log/entries` with a
/// `CreateEntryRequest`, answered `201` with a `TransparencyLogEntry` once a checkpoint covers
/// the entry (interop contract §5.1, §5.2). The log may hold the request open for a while, so the
/// default deadline is 60 s (rekor-tiles' own client allows 30 s).
public struct RekorV2WriteClient: Sendable {
    /// The log's base URL from the signing configuration (`rekorTlogUrls[].url`).
    public let baseURL: String
    private let http: ServiceHTTPClient

    public init(baseURL: String, http: ServiceHTTPClient = ServiceHTTPClient(timeout: .seconds(60))) {
        self.baseURL = baseURL
        self.http = http
    }

    /// Logs `request` and returns the entry as the log answered it (it goes into bundles verbatim).
    ///
    /// The entry must be a hashedrekord 0.0.2 whose body is exactly what rekor-tiles logs for the
    /// request, else `.malformedResponse`. A duplicate (409) is `.rejected` with status 409.
    public func createEntry(_ request: RekorV2.HashedRekordRequest) async throws -> TransparencyLogEntry {
        let url = ServiceURL.join(baseURL, "/api/v2/log/entries")
        let body: [UInt8]
        let expected: RekorV2.HashedRekordLogEntry
        do {
            body = try RekorV2.CreateEntryRequest.hashedRekord(request).encoded()
            expected = try RekorV2.HashedRekordLogEntry(request: request)
        } catch {
            throw ServiceClientError(.invalidRequest, "the log entry cannot be encoded: \(error)")
        }
        let response = try await http.postJSON(url, body: body, headers: [("Accept", "application/json")])
        try response.requireSuccess("the transparency log")
        let entry: TransparencyLogEntry
        do {
            entry = try ProtoJSON.decode(TransparencyLogEntry.self, from: response.body)
        } catch {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) answered with something other than a TransparencyLogEntry: \(error)")
        }
        guard case .hashedRekordV002(let stored)? = try? RekorEntry(decoding: entry.canonicalizedBody), stored == expected else {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) logged a different entry than the one sent")
        }
        guard entry.kindVersion.kind == RekorV2.HashedRekordLogEntry.kind, entry.kindVersion.version == RekorV2.HashedRekordLogEntry.apiVersion else {
            throw ServiceClientError(.malformedResponse, "the transparency log at \(url) labelled the entry \(entry.kindVersion.kind) \(entry.kindVersion.version)")
        }
        return entry
    }
}
