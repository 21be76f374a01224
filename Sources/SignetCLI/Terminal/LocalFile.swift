import Foundation
import SigstoreModels

/// Files named on the command line, read and written with errors that name the flag's purpose.
enum LocalFile {
    /// The largest file a command reads whole (bundles, trust documents, keys); artifacts are
    /// streamed by the verifier instead.
    static let maximumDocumentSize = ProtoJSON.maximumDocumentSize

    /// Reads the whole file at `path`; `what` names it in errors ("bundle", "trusted root").
    static func read(_ path: String, what: String) throws(CLIError) -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError(.unreadableFile, "cannot read the \(what) \(path): no such file")
        }
        guard !isDirectory.boolValue else {
            throw CLIError(.unreadableFile, "cannot read the \(what) \(path): it is a directory")
        }
        let data: Data
        do {
            let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
            defer { try? handle.close() }
            data = try handle.read(upToCount: maximumDocumentSize + 1) ?? Data()
        } catch {
            throw CLIError(.unreadableFile, "cannot read the \(what) \(path): \(error.localizedDescription)")
        }
        guard data.count <= maximumDocumentSize else {
            throw CLIError(.invalidDocument, "the \(what) \(path) is larger than \(maximumDocumentSize) bytes")
        }
        return Array(data)
    }

    /// Reads the file at `path` as UTF-8 text.
    static func readText(_ path: String, what: String) throws(CLIError) -> String {
        let bytes = try read(path, what: what)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw CLIError(.invalidDocument, "the \(what) \(path) is not UTF-8 text")
        }
        return text
    }

    /// Reads and strictly decodes a protobuf-JSON document (bundle, trusted root, trust config).
    static func decode<T: Decodable>(_ type: T.Type, at path: String, what: String) throws(CLIError) -> T {
        let bytes = try read(path, what: what)
        do {
            return try ProtoJSON.decode(type, from: bytes)
        } catch {
            throw CLIError(.invalidDocument, "the \(what) \(path) is not valid: \(error)")
        }
    }

    /// Writes `text` to the file at `path`, or to standard output when `path` is `nil` or `-`.
    static func write(_ text: String, to path: String?) throws(CLIError) {
        guard let path, path != "-" else {
            Console.write(text)
            return
        }
        let contents = text.hasSuffix("\n") ? text : text + "\n"
        do {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CLIError(.unreadableFile, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
