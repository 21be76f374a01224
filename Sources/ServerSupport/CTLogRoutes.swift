import CTLogService
import CertificateTransparency
import Foundation
import Hummingbird

/// The RFC 6962 endpoints under `/ct/v1` (interop contract §3.1). Answers are JSON with status 200;
/// refusals are `CTLogError`s, mapped to statuses in `ServiceErrorMapping`.
enum CTLogRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, log: CTLog) {
        router.post("ct/v1/add-chain") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxCTChainBody)
            let sct = try await log.addChain(ChainSubmission(jsonEncoded: Array(buffer: body)).chain)
            return json(sct.jsonEncoded)
        }
        router.post("ct/v1/add-pre-chain") { request, _ -> Response in
            var request = request
            let body = try await request.collectBody(limit: ServerLimits.maxCTChainBody)
            let sct = try await log.addPreChain(ChainSubmission(jsonEncoded: Array(buffer: body)).chain)
            return json(sct.jsonEncoded)
        }
        router.get("ct/v1/get-sth") { _, _ -> Response in
            try json(encoding: await log.signedTreeHead())
        }
        router.get("ct/v1/get-sth-consistency") { request, _ -> Response in
            let first = try integer("first", in: request)
            let second = try integer("second", in: request)
            return try json(encoding: await log.consistencyPath(first: first, second: second))
        }
        router.get("ct/v1/get-proof-by-hash") { request, _ -> Response in
            // A client that forgot to percent-encode '+' sends it as a space after form decoding.
            guard let text = request.uri.queryParameters["hash"].map({ $0.replacingOccurrences(of: " ", with: "+") }),
                  let hash = Data(base64Encoded: text), hash.count == 32
            else {
                throw CTLogError(.invalidQuery, "hash must be a base64 SHA-256 leaf hash")
            }
            let treeSize = try integer("tree_size", in: request)
            return try json(encoding: await log.auditProof(leafHash: [UInt8](hash), treeSize: treeSize))
        }
        router.get("ct/v1/get-entries") { request, _ -> Response in
            let start = try integer("start", in: request)
            let end = try integer("end", in: request)
            return try json(encoding: await log.entries(start: start, end: end))
        }
        router.get("ct/v1/get-roots") { _, _ -> Response in
            try json(encoding: log.rootList)
        }
    }

    private static func integer(_ name: String, in request: Request) throws -> UInt64 {
        guard let text = request.uri.queryParameters[Substring(name)], let value = UInt64(text) else {
            throw CTLogError(.invalidQuery, "\(name) must be a non-negative integer")
        }
        return value
    }

    private static func json(encoding value: some Encodable) throws -> Response {
        json(try [UInt8](JSONEncoder().encode(value)))
    }

    private static func json(_ bytes: [UInt8]) -> Response {
        Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
