import Foundation

/// Reads files from the test target's `Fixtures/` resource folder.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "missing fixture Fixtures/\(path)" }
    }

    /// The password of every encrypted key in `Fixtures/keys/`.
    static let password = Array("signet-test-password".utf8)

    /// `path` is relative to `Fixtures/`, e.g. `csr/p256.pem`.
    static func url(_ path: String) throws -> URL {
        let components = path.split(separator: "/")
        let file = String(components.last ?? "")
        let directory = (["Fixtures"] + components.dropLast().map(String.init)).joined(separator: "/")
        let dot = file.firstIndex(of: ".") ?? file.endIndex
        let name = String(file[..<dot])
        let ext = dot == file.endIndex ? nil : String(file[file.index(after: dot)...])
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: directory) else {
            throw Missing(path: path)
        }
        return url
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(path)))
    }

    static func string(_ path: String) throws -> String {
        try String(decoding: Data(contentsOf: url(path)), as: UTF8.self)
    }
}
