import Foundation
import Testing

/// The DER inside a single PEM block.
enum PEMDocumentReader {
    static func der(_ pem: String) throws -> [UInt8] {
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        return Array(try #require(Data(base64Encoded: body)))
    }
}
