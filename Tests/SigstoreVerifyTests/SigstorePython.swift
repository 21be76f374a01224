import Foundation
import SigstoreTestSupport

/// The reference client, sigstore-python, through the shared runner in SigstoreTestSupport.
enum SigstorePython {
    static var executable: URL? { ReferenceClient.executable }

    /// Runs `sigstore` with `arguments`; returns its exit status and combined output.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try ReferenceClient.run(arguments)
        return (result.status, result.output)
    }
}
