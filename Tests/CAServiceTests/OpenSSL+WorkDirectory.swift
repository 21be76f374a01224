import Foundation
import SigstoreTestSupport

extension OpenSSL {
    /// A fresh directory for one test's files.
    static func workDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-ca-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }
}
