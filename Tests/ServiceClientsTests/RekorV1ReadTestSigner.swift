import Crypto
import Foundation
import ServiceClients
import SigstoreCrypto
import SigstoreTestSupport

/// Puts hashedrekord 0.0.1 entries into a dev stack's v1 log, all signed by one fresh P-256 key,
/// so the read tests have real entries to read.
struct RekorV1ReadTestSigner {
    let key: PrivateKey

    init() throws {
        key = try PrivateKey.generate(.ecdsaP256)
    }

    /// Logs a signature over `artifact` and returns the entry ID the log answered with (`ETag`).
    @discardableResult
    func log(_ artifact: [UInt8], to baseURL: String) async throws -> String {
        let digest = Array(SHA256.hash(data: artifact))
        let signature = try key.signature(for: artifact)
        let pem = Data(key.publicKey.pemRepresentation.utf8).base64EncodedString()
        let body = """
            {"apiVersion":"0.0.1","kind":"hashedrekord","spec":{"signature":{"content":"\(Data(signature).base64EncodedString())",\
            "publicKey":{"content":"\(pem)"}},"data":{"hash":{"algorithm":"sha256","value":"\(digest.hex)"}}}}
            """
        let response = try await ServiceHTTPClient().postJSON(baseURL + "/api/v1/log/entries", body: Array(body.utf8))
        try response.requireSuccess("the log", accepted: [201])
        guard let entryID = response.header("ETag") else { throw TestLogError("the log answered 201 without an ETag") }
        return entryID
    }

    /// A distinct artifact per call.
    static func artifact(_ label: String) -> [UInt8] {
        Array("\(label) \(UUID().uuidString)\n".utf8)
    }
}

struct TestLogError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
