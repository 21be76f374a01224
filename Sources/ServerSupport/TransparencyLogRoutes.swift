import HTTPTypes
import Hummingbird
import LogEngine
import TLogService

/// The Rekor v1 API (interop contract §4.1) and the Rekor v2 write API with the C2SP tlog-tiles
/// read layout at the origin root (§5.1, §5.6). Refusals leave as `{"code","message"}` with the
/// statuses `ServiceErrorMapping` assigns to `RekorError`.
enum TransparencyLogRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, logs: TransparencyLogs) {
        if let v1 = logs.v1 {
            register(on: router, v1: v1)
        }
        if let v2 = logs.v2 {
            register(on: router, v2: v2)
        }
    }

    /// A duplicate's 409 headers: `Location` for v1 clients, `x-log-index` for v2 clients.
    static func conflictHeaders(for error: RekorError) -> HTTPFields {
        var headers: HTTPFields = [:]
        if let uuid = error.existingUUID {
            headers[.location] = "/api/v1/log/entries/\(uuid)"
        }
        if let index = error.existingIndex, let name = HTTPField.Name("x-log-index") {
            headers[name] = String(index)
        }
        return headers
    }

    static func register<Context: RequestContext>(on router: Router<Context>, v1 log: RekorV1Log) {
        router.post("api/v1/log/entries") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxTransparencyLogEntryBody)
            let created = try await rekor { try await log.createEntry(jsonRequest: Array(buffer: body)) }
            var headers = json
            headers[.eTag] = created.uuid
            headers[.location] = "/api/v1/log/entries/\(created.uuid)"
            return Response(status: .created, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: created.body)))
        }
        router.get("api/v1/log/entries") { request, _ -> Response in
            guard let index = request.uri.queryParameters.get("logIndex", as: Int64.self) else {
                throw RekorError(.invalidQuery, "logIndex must be a non-negative integer")
            }
            return ok(try await rekor { try await log.entry(atLogIndex: index) })
        }
        router.get("api/v1/log/entries/:id") { _, context -> Response in
            let id = try context.parameters.require("id")
            return ok(try await rekor { try await log.entry(withIdentifier: id) })
        }
        // Hummingbird matches `…/retrieve/` (sigstore-python's spelling) to this route too.
        router.post("api/v1/log/entries/retrieve") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxTransparencyLogQueryBody)
            return ok(try await rekor { try await log.retrieveEntries(jsonRequest: Array(buffer: body)) })
        }
        router.post("api/v1/index/retrieve") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxTransparencyLogQueryBody)
            return ok(try await rekor { try await log.searchIndex(jsonRequest: Array(buffer: body)) })
        }
        router.get("api/v1/log") { _, _ -> Response in
            ok(try await rekor { try await log.logInfo() })
        }
        router.get("api/v1/log/publicKey") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "application/x-pem-file"], body: .init(byteBuffer: ByteBuffer(string: log.publicKeyPEM)))
        }
        router.get("api/v1/log/proof") { request, _ -> Response in
            guard let first = request.uri.queryParameters.get("firstSize", as: Int64.self) else {
                throw RekorError(.invalidQuery, "firstSize must be an integer")
            }
            let last: Int64?
            if request.uri.queryParameters["lastSize"] != nil {
                guard let value = request.uri.queryParameters.get("lastSize", as: Int64.self) else {
                    throw RekorError(.invalidQuery, "lastSize must be an integer")
                }
                last = value
            } else {
                last = nil
            }
            return ok(try await rekor { try await log.consistencyProof(firstSize: first, lastSize: last) })
        }
    }

    static func register<Context: RequestContext>(on router: Router<Context>, v2 log: RekorV2Log) {
        router.post("api/v2/log/entries") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxTransparencyLogEntryBody)
            let entry = try await rekor { try await log.createEntry(jsonRequest: Array(buffer: body)) }
            return Response(status: .created, headers: json, body: .init(byteBuffer: ByteBuffer(bytes: entry)))
        }
        router.get("checkpoint") { _, _ -> Response in
            let checkpoint = try await rekor { try await log.checkpoint() }
            return resource(checkpoint, contentType: "text/plain; charset=utf-8")
        }
        router.get("tile/**") { request, _ -> Response in
            let path = String(request.uri.path.drop { $0 == "/" })
            let tile = try await rekor { try await log.tile(path: path) }
            return resource(tile, contentType: "application/octet-stream")
        }
    }

    private static let json: HTTPFields = [.contentType: "application/json"]

    private static func ok(_ body: [UInt8]) -> Response {
        Response(status: .ok, headers: json, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    private static func resource(_ resource: RekorV2Log.Resource, contentType: String) -> Response {
        // Full tiles never change; the checkpoint and partial tiles move with every commit.
        let cacheControl = resource.isImmutable ? "public, max-age=31536000, immutable" : "no-cache"
        return Response(
            status: .ok,
            headers: [.contentType: contentType, .cacheControl: cacheControl],
            body: .init(byteBuffer: ByteBuffer(bytes: resource.body))
        )
    }

    /// Runs a log call, reporting the engine's read errors as the Rekor API's.
    private static func rekor<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as LogEngineError {
            switch error.code {
            case .emptyLog, .treeSizeOutOfRange, .indexOutOfRange, .invalidRange:
                throw RekorError(.notFound, error.message)
            case .overloaded, .stopped:
                throw RekorError(.overloaded, error.message)
            default:
                throw RekorError(.internalFailure, error.message)
            }
        }
    }
}
