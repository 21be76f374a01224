import Foundation
import SigstoreModels
import Testing

/// The bundles VirtualSigstore makes are real Sigstore bundles: the reference client accepts
/// them with the instance's trust configuration, and refuses them for another identity.
@Suite(.enabled(if: SigstorePython.executable != nil, "sigstore-python is not installed (pip install sigstore==4.5.1, or set SIGSTORE_PYTHON)"))
struct SigstorePythonInteropTests {
    private func write(_ signed: VirtualSigstore.Signed, sigstore: VirtualSigstore) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("signet-interop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let config = ClientTrustConfig(trustedRoot: try sigstore.trustedRoot, signingConfig: SigningConfig())
        try Data(ProtoJSON.encode(config)).write(to: directory.appendingPathComponent("trust.json"))
        try Data(ProtoJSON.encode(signed.bundle)).write(to: directory.appendingPathComponent("artifact.sigstore.json"))
        try Data(signed.artifact).write(to: directory.appendingPathComponent("artifact"))
        return directory
    }

    private func verify(in directory: URL, identity: String) throws -> (status: Int32, output: String) {
        try SigstorePython.run([
            "--trust-config", directory.appendingPathComponent("trust.json").path, "verify", "identity",
            directory.appendingPathComponent("artifact").path, "--bundle", directory.appendingPathComponent("artifact.sigstore.json").path,
            "--cert-identity", identity, "--cert-oidc-issuer", VirtualSigstore.issuerURL, "--offline",
        ])
    }

    @Test("sigstore-python accepts a virtual bundle", arguments: [VirtualSigstore.Log.rekorV1, .rekorV2], [false, true])
    func acceptsVirtualBundle(log: VirtualSigstore.Log, dsse: Bool) async throws {
        let sigstore = try VirtualSigstoreTests.instance.get()
        var request = VirtualSigstore.Request()
        request.log = log
        request.dsse = dsse
        let directory = try write(try await sigstore.sign(request), sigstore: sigstore)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try verify(in: directory, identity: "alice@virtual.test")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test func sigstorePythonRejectsAnotherIdentity() async throws {
        let sigstore = try VirtualSigstoreTests.instance.get()
        let directory = try write(try await sigstore.sign(), sigstore: sigstore)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try verify(in: directory, identity: "mallory@virtual.test")
        #expect(result.status != 0)
    }
}
