import AsyncHTTPClient
import Foundation
import Hummingbird
import Logging
import SigstoreCrypto
import SwiftASN1
import NIOCore
import NIOHTTP1
@testable import ServerSupport
import SigstoreTestSupport
import Testing
import X509

/// `signetd --dev --port 0` as `signetd` runs it (``DevStack/application``), in-process on a
/// real loopback socket: the port is the kernel's pick, known only once the server listens.
struct CertificateAuthorityLiveDevStack: Sendable {
    let directory: URL
    let port: Int
    /// The trust configuration the stack wrote once it listened.
    let trustConfig: URL

    var origin: String { "http://127.0.0.1:\(port)" }

    /// Starts a stack in a fresh data directory (after `prepare` ran on it), runs `body`, stops it.
    static func run(
        prepare: (URL) throws -> Void = { _ in },
        _ body: (CertificateAuthorityLiveDevStack) async throws -> Void
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-live-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try prepare(directory)
        let (listening, continuation) = AsyncStream.makeStream(of: (Int, URL).self)
        var logger = Logger(label: "signetd-live-test")
        logger.logLevel = .critical
        let app = try DevStack.application(dataDirectory: directory, host: "127.0.0.1", port: 0, logger: logger, announce: false) { port, trustConfig in
            continuation.yield((port, trustConfig))
            continuation.finish()
        }
        let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
        defer { serving.cancel() }
        let started = try await withThrowingTaskGroup(of: (Int, URL)?.self) { group in
            group.addTask { await listening.first { _ in true } }
            group.addTask {
                try await Task.sleep(for: .seconds(60))
                return nil
            }
            let first = try await group.next() ?? nil
            group.cancelAll()
            return first
        }
        let (port, trustConfig) = try #require(started, "the dev stack did not start listening within a minute")
        try await body(CertificateAuthorityLiveDevStack(directory: directory, port: port, trustConfig: trustConfig))
    }

    /// `method path` with a JSON body; the status and body.
    func request(_ path: String, method: HTTPMethod = .GET, json: String? = nil) async throws -> (status: UInt, body: [UInt8]) {
        var request = HTTPClientRequest(url: origin + path)
        request.method = method
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(string: json))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (response.status.code, Array(buffer: body))
    }

    /// A token from the dev issuer's minting endpoint for this request body.
    func mintToken(_ json: String) async throws -> String {
        let reply = try await request("/oidc/dev/token", method: .POST, json: json)
        #expect(reply.status == 200)
        let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
        return try #require(object?["token"] as? String)
    }

    /// Issues a certificate for a fresh P-256 key with `token`; the chain, leaf first.
    func issue(token: String) async throws -> [Certificate] {
        let body = try CertificateAuthorityTestStack.csrBody(for: try .generate(.ecdsaP256))
        let withToken = String(body.dropLast()) + #","credentials":{"oidcIdentityToken":"\#(token)"}}"#
        let reply = try await request("/api/v2/signingCert", method: .POST, json: withToken)
        #expect(reply.status == 200, "\(String(decoding: reply.body, as: UTF8.self))")
        let object = try JSONSerialization.jsonObject(with: Data(reply.body)) as? [String: Any]
        let embedded = object?["signedCertificateEmbeddedSct"] as? [String: Any]
        let pems = try #require((embedded?["chain"] as? [String: Any])?["certificates"] as? [String])
        return try pems.map { try Certificate(pemEncoded: $0) }
    }

    /// `openssl verify` of `chain` (leaf first) against its last certificate as the only trust anchor.
    static func opensslVerify(_ chain: [Certificate], in directory: URL) throws -> String {
        func write(_ certificates: ArraySlice<Certificate>, _ name: String) throws -> String {
            let file = directory.appendingPathComponent(name)
            try Data(certificates.map { try $0.serializeAsPEM().pemString + "\n" }.joined().utf8).write(to: file)
            return file.path
        }
        let root = try write(chain.suffix(1), "verify-root.pem")
        let intermediates = try write(chain.dropFirst().dropLast(), "verify-intermediates.pem")
        let leaf = try write(chain.prefix(1), "verify-leaf.pem")
        return try OpenSSL.run(["verify", "-CAfile", root, "-untrusted", intermediates, leaf])
    }
}
