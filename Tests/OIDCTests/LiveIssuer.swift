import DevIdentityProvider
import Foundation
import Hummingbird
import HummingbirdTesting
import OIDC
import ServerSupport
import SigstoreCrypto

/// A real OIDC issuer on a random loopback port: a `DevIdentityProvider` served by `signetd`'s own
/// HTTP stack, so the verifier's discovery and JWKS requests cross a real socket.
struct LiveIssuer: Sendable {
    let provider: DevIdentityProvider
    let key: PrivateKey
    /// `http://127.0.0.1:<port>`.
    let origin: String
    let client: any TestClientProtocol

    /// The issuer URL the provider serves: `<origin>/oidc`.
    var issuer: String { origin + "/oidc" }

    /// Starts an issuer with a fresh `algorithm` key, runs `body`, and stops the server.
    static func run<Value: Sendable>(
        key algorithm: KeyAlgorithm = .ecdsaP256,
        _ body: @Sendable (LiveIssuer) async throws -> Value
    ) async throws -> Value {
        let key = try PrivateKey.generate(algorithm)
        let provider = try DevIdentityProvider(issuer: "http://unbound.invalid/oidc", signingKey: key)
        let app = SignetApplication.build(
            configuration: ServerConfiguration(host: "127.0.0.1", port: 0),
            services: HostedServices(devIdentityProvider: provider)
        )
        return try await app.test(.live) { client in
            let origin = "http://127.0.0.1:\(client.port ?? 0)"
            await provider.setIssuer(origin + "/oidc")
            return try await body(LiveIssuer(provider: provider, key: key, origin: origin, client: client))
        }
    }

    /// A provider with this issuer's key that mints under another `issuer` (not served anywhere).
    func impostor(claiming issuer: String) throws -> DevIdentityProvider {
        try DevIdentityProvider(issuer: issuer, signingKey: key)
    }

    /// How many requests the server answered on `route` (e.g. `/oidc/jwks`), from its own metrics.
    func requestCount(route: String) async throws -> Int {
        let metrics = try await client.execute(uri: "/metrics", method: .get)
        return String(buffer: metrics.body).split(separator: "\n")
            .filter { $0.hasPrefix("signet_http_requests_total{") && $0.contains("route=\"\(route)\"") }
            .compactMap { $0.split(separator: " ").last.flatMap { Double($0) }.map { Int($0) } }
            .reduce(0, +)
    }

    /// Discovery and JWKS requests so far.
    func fetchCounts() async throws -> (discovery: Int, keys: Int) {
        (try await requestCount(route: "/oidc/.well-known/openid-configuration"), try await requestCount(route: "/oidc/jwks"))
    }

    /// A verifier that accepts this issuer (audience `sigstore`), on `clock`.
    func verifier(clock: TestClock = TestClock(), configure: (inout IdentityTokenVerifier.Configuration) -> Void = { _ in }) throws -> IdentityTokenVerifier {
        var configuration = IdentityTokenVerifier.Configuration(issuers: [AllowedIssuer(issuer)])
        configure(&configuration)
        return try IdentityTokenVerifier(configuration: configuration, clock: clock.reading)
    }
}
