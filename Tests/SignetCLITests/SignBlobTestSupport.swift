import Foundation
import SigstoreCrypto
import SigstoreTestSupport

/// A P-256 key pair (and an unrelated public key) written as PEM files for `--key` tests.
struct SignTestKeys {
    let privateKey: String
    let publicKey: String
    let otherPublicKey: String

    init(in scratch: ScratchDirectory) throws {
        let key = try PrivateKey.generate(.ecdsaP256)
        privateKey = try scratch.write("signing.key", Array(key.pemRepresentation.utf8))
        publicKey = try scratch.write("signing.pub", Array(key.publicKey.pemRepresentation.utf8))
        otherPublicKey = try scratch.write("other.pub", Array(try PrivateKey.generate(.ecdsaP256).publicKey.pemRepresentation.utf8))
    }
}

/// Runs `signet` and the conformance script without blocking the cooperative thread pool: the
/// child calls back into the in-process dev stack, which needs those threads to answer.
enum SignProcess {
    static func signet(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessOutcome {
        try await ProcessRunner.detached { try SignetProcess.run(SignetProcess.binary, arguments, environment: environment) }
    }

    static func conformanceClient(_ arguments: [String]) async throws -> ProcessOutcome {
        try await ProcessRunner.detached {
            try SignetProcess.run(ConformanceClientTests.script, arguments, environment: ["SIGNET_BIN": SignetProcess.binary.path])
        }
    }
}
