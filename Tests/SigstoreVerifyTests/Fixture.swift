import Foundation
import SigstoreModels
import SigstoreVerify
import Testing

/// Loads files from the test target's `Fixtures/` folder.
enum Fixture {
    static func url(_ path: String) throws -> URL {
        try #require(Bundle.module.url(forResource: path, withExtension: nil, subdirectory: "Fixtures"), "missing fixture \(path)")
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(path)))
    }

    static func bundle(_ name: String) throws -> SigstoreBundle {
        try ProtoJSON.decode(SigstoreBundle.self, from: bytes("bundles/\(name)"))
    }

    static func trustedRoot(_ name: String) throws -> TrustedRoot {
        try ProtoJSON.decode(TrustedRoot.self, from: bytes(name))
    }

    static let publicGood = Result { try BundleVerifier(trustedRoot: trustedRoot("public-good-trusted-root.json")) }
    static let staging = Result { try BundleVerifier(trustedRoot: trustedRoot("staging-trusted-root.json")) }

    static func verifier(_ instance: Instance) throws -> BundleVerifier {
        switch instance {
        case .publicGood: try publicGood.get()
        case .staging: try staging.get()
        }
    }

    enum Instance: String, Sendable {
        case publicGood, staging
    }
}

extension Array where Element == UInt8 {
    init(hex: String) {
        self = stride(from: 0, to: hex.utf8.count, by: 2).map { offset in
            let start = hex.utf8.index(hex.utf8.startIndex, offsetBy: offset)
            return UInt8(String(hex[start..<hex.utf8.index(start, offsetBy: 2)]), radix: 16)!
        }
    }
}

/// Runs `body` and returns the ``VerificationError`` it throws, recording an issue otherwise.
func verificationError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> VerificationError? {
    do {
        try await body()
        Issue.record("verification succeeded but should have failed", sourceLocation: sourceLocation)
    } catch let error as VerificationError {
        return error
    } catch {
        Issue.record("expected a VerificationError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}
