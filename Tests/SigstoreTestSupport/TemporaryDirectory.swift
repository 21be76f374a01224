public import Foundation

/// A fresh directory under the system temporary directory, removed when the last reference
/// to it goes away (or earlier by ``remove()``).
public final class TemporaryDirectory: Sendable {
    public let url: URL

    public init(prefix: String = "signet-test") throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(prefix)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    public func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    public func remove() {
        try? FileManager.default.removeItem(at: url)
    }

    deinit {
        remove()
    }
}
