import Foundation
import Hummingbird
import Logging
@testable import ServerSupport
import SigstoreTestSupport
import Testing

/// The reference client (sigstore-python) signs against `signetd serve --config` with every
/// service configured from files (a `signetd ca init` CA, a CT log, a TSA, Rekor v1 and v2),
/// served on a real loopback port, with a token of the dev stack's issuer on another port; it then
/// verifies its bundle against the trust configuration of the configured keys and chains.
@Suite(.serialized, .enabled(if: ReferenceClient.executable != nil, "sigstore-python is not installed: run Scripts/test, or set SIGSTORE_PYTHON"))
struct ServeCertificateAuthorityInteropTests {
    @Test(arguments: [1, 2])
    func referenceClientSignsAndVerifiesAgainstTheConfiguredStack(rekorVersion: Int) async throws {
        try await CertificateAuthorityLiveDevStack.run { dev in
            let issuer = dev.origin + "/oidc"
            let deployment = try ServeCertificateAuthorityDeployment(issuer: issuer)
            let stack = try await ServeCertificateAuthorityDeployment.prepare(deployment.fullConfiguration)
            let (listening, continuation) = AsyncStream.makeStream(of: Int.self)
            var logger = Logger(label: "serve-ca-interop")
            logger.logLevel = .critical
            let app = SignetApplication.build(
                configuration: ServerConfiguration(host: "127.0.0.1", port: 0), services: stack.services, logger: logger,
                onServerRunning: { port in
                    continuation.yield(port)
                    continuation.finish()
                }
            )
            let serving = Task { try await app.runService(gracefulShutdownSignals: []) }
            let port = try #require(await listening.first { _ in true })
            let trustConfig = try DevStack.writeTrustConfig(dataDirectory: deployment.directory.url, host: "127.0.0.1", port: port, services: stack.services)

            let artifact = deployment.directory.file("artifact.txt")
            try Data("signed against signetd serve --config\n".utf8).write(to: artifact)
            let bundle = deployment.directory.file("artifact.sigstore.json")
            let token = try await dev.mintToken(#"{"email":"interop@signet.test"}"#)
            // Off the cooperative pool: the in-process servers need those threads to answer the child.
            let signed = try await ReferenceClient.runDetached([
                "--trust-config", trustConfig.path, "sign", "--rekor-version", String(rekorVersion),
                "--identity-token", token, "--bundle", bundle.path, artifact.path,
            ])
            #expect(signed.status == 0, "sigstore sign failed: \(signed.output)")
            let verify = { (identity: String) async throws -> Int32 in
                try await ReferenceClient.runDetached([
                    "--trust-config", trustConfig.path, "verify", "identity", "--bundle", bundle.path,
                    "--cert-identity", identity, "--cert-oidc-issuer", issuer, artifact.path,
                ]).status
            }
            #expect(try await verify("interop@signet.test") == 0)
            #expect(try await verify("mallory@signet.test") != 0)
            serving.cancel()
            _ = await serving.result
            await stack.stop()
        }
    }
}
