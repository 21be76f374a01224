import Foundation
public import Hummingbird

extension Request {
    /// Reads the whole body, refusing (413) anything larger than `limit` before buffering it all.
    mutating func collectBody(limit: Int) async throws -> ByteBuffer {
        if let length = headers[.contentLength].flatMap(Int.init), length > limit {
            throw ServiceErrorResponse(.contentTooLarge, "request body of \(length) bytes exceeds the limit of \(limit) bytes")
        }
        do {
            return try await collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw ServiceErrorResponse(.contentTooLarge, "request body exceeds the limit of \(limit) bytes")
        }
    }

    /// The media type of the body without parameters, lower-cased (`application/json`).
    var mediaType: String? {
        headers[.contentType]?.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    }
}
