import Foundation
import SigstoreCrypto

/// Files under `signetd`'s data directory. Keys are written owner-only.
struct DataDirectory {
    let root: URL

    func create() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// Loads the PEM private key at `relativePath`, generating and saving one first if it does not exist.
    func privateKey(_ relativePath: String, creating algorithm: KeyAlgorithm) throws -> PrivateKey {
        let file = url(relativePath)
        if FileManager.default.fileExists(atPath: file.path) {
            return try PrivateKey(pemEncoded: String(contentsOf: file, encoding: .utf8))
        }
        let key = try PrivateKey.generate(algorithm)
        try write(key.pemRepresentation, to: relativePath, secret: true)
        return key
    }

    func write(_ text: String, to relativePath: String, secret: Bool) throws {
        let file = url(relativePath)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let created = FileManager.default.createFile(
            atPath: file.path,
            contents: Data(text.utf8),
            attributes: [.posixPermissions: secret ? 0o600 : 0o644]
        )
        guard created else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }
}
