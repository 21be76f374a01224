import Foundation

/// Reads files from the test target's `Fixtures/` resource folder.
enum Fixture {
    struct Missing: Error, CustomStringConvertible {
        var path: String
        var description: String { "missing fixture Fixtures/\(path)" }
    }

    /// `path` is relative to `Fixtures/`, e.g. `keys/p256.pub.pem`.
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

    static func json<T: Decodable>(_ type: T.Type, _ path: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(contentsOf: url(path)))
    }

    static var message: [UInt8] {
        get throws { try bytes("signatures/message.txt") }
    }
}
