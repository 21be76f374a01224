import Crypto
public import Foundation
import ServiceClients
public import SigstoreCrypto

/// Puts hashedrekord 0.0.1 entries into a Rekor v1 log, all signed by one fresh P-256 key, so
/// tests that read or verify a log have real entries to work on.
public struct HashedRekordTestSigner: Sendable {
    public let key: PrivateKey

    public init() throws {
        key = try PrivateKey.generate(.ecdsaP256)
    }

    /// Logs a signature over `artifact` at `baseURL`; returns the entry ID the log answered with (`ETag`).
    @discardableResult
    public func log(_ artifact: [UInt8], to baseURL: String) async throws -> String {
        let digest = Array(SHA256.hash(data: artifact))
        let signature = try key.signature(for: artifact)
        let pem = Data(key.publicKey.pemRepresentation.utf8).base64EncodedString()
        let body = """
            {"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"signature":{"content":"\(Data(signature).base64EncodedString())",\
            "publicKey":{"content":"\(pem)"}},"data":{"hash":{"algorithm":"sha256","value":"\(digest.hex)"}}}}
            """
        let response = try await ServiceHTTPClient().postJSON(baseURL + "/api/v1/log/entries", body: Array(body.utf8))
        try response.requireSuccess("the log", accepted: [201])
        guard let entryID = response.header("ETag") else { throw DevServerError("the log answered 201 without an ETag") }
        return entryID
    }

    /// Logs a signature over `artifact` in `server`'s Rekor v1 log.
    @discardableResult
    public func log(_ artifact: [UInt8], to server: DevServer) async throws -> String {
        try await log(artifact, to: server.baseURL)
    }

    /// Logs `count` fresh artifacts in `server`'s Rekor v1 log; returns them with their entry IDs.
    @discardableResult
    public func logArtifacts(_ count: Int, to server: DevServer) async throws -> [(artifact: [UInt8], entryID: String)] {
        var logged: [(artifact: [UInt8], entryID: String)] = []
        for index in 0..<count {
            let artifact = Self.artifact("artifact \(index)")
            logged.append((artifact, try await log(artifact, to: server)))
        }
        return logged
    }

    /// A distinct artifact per call.
    public static func artifact(_ label: String) -> [UInt8] {
        Array("\(label) \(UUID().uuidString)\n".utf8)
    }
}
