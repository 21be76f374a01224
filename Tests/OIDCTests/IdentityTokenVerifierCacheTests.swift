import DevIdentityProvider
import Foundation
import OIDC
import SigstoreCrypto
import Testing

/// Discovery and JWKS caching, observed through the issuer's own request counters.
@Suite struct IdentityTokenVerifierCacheTests {
    @Test func fetchesDiscoveryAndKeysOnceForABurstOfTokens() async throws {
        try await LiveIssuer.run { live in
            let verifier = try live.verifier()
            var tokens: [String] = []
            for index in 0..<20 {
                tokens.append(try await live.provider.mint(subject: "user\(index)@example.test"))
            }
            try await withThrowingTaskGroup(of: String.self) { group in
                for token in tokens {
                    group.addTask { try await verifier.verify(token).subject }
                }
                var subjects: Set<String> = []
                for try await subject in group { subjects.insert(subject) }
                #expect(subjects.count == 20)
            }
            #expect(try await live.fetchCounts() == (1, 1))
        }
    }

    /// An unknown `kid` triggers one JWKS refresh, then refreshes are rate-limited per issuer.
    @Test func refreshesKeysForAnUnknownKeyIDAtMostOncePerInterval() async throws {
        try await LiveIssuer.run { live in
            let clock = TestClock()
            let verifier = try live.verifier(clock: clock) { $0.minimumRefreshInterval = 30 }
            _ = try await verifier.verify(try await live.provider.mint(subject: "alice@example.test"))
            #expect(try await live.fetchCounts() == (1, 1))

            // Same issuer URL, another key: the served JWKS never contains its kid.
            let rotated = try DevIdentityProvider(issuer: live.issuer, signingKey: try PrivateKey.generate(.ecdsaP256))
            let unknownKey = try await rotated.mint(subject: "alice@example.test")

            // Keys fetched just now: no refresh yet.
            try await expectInvalidSignature(verifier, unknownKey)
            #expect(try await live.fetchCounts() == (1, 1))

            clock.advance(by: 31)
            try await expectInvalidSignature(verifier, unknownKey)
            #expect(try await live.fetchCounts() == (1, 2))

            clock.advance(by: 1)
            try await expectInvalidSignature(verifier, unknownKey)
            try await expectInvalidSignature(verifier, unknownKey)
            #expect(try await live.fetchCounts() == (1, 2))

            clock.advance(by: 30)
            try await expectInvalidSignature(verifier, unknownKey)
            #expect(try await live.fetchCounts() == (1, 3))
        }
    }

    @Test func fetchesAgainAfterTheCacheLifetime() async throws {
        try await LiveIssuer.run { live in
            let clock = TestClock()
            let verifier = try live.verifier(clock: clock) { $0.keyCacheLifetime = 600 }
            let token = try await live.provider.mint(subject: "alice@example.test", lifetime: 3600)
            _ = try await verifier.verify(token)
            clock.advance(by: 599)
            _ = try await verifier.verify(token)
            #expect(try await live.fetchCounts() == (1, 1))
            clock.advance(by: 2)
            _ = try await verifier.verify(token)
            #expect(try await live.fetchCounts() == (2, 2))
        }
    }

    @Test func keepsUsingCachedKeysWhileTheIssuerIsUnreachable() async throws {
        let clock = TestClock()
        let (verifier, token) = try await LiveIssuer.run { live in
            let verifier = try live.verifier(clock: clock) {
                $0.keyCacheLifetime = 600
                $0.staleKeyGracePeriod = 3600
                // AsyncHTTPClient retries refused connections until the request deadline, so the
                // offline half waits this long twice; the live half needs room on a loaded machine.
                $0.requestTimeout = 3
            }
            let token = try await live.provider.mint(subject: "alice@example.test", lifetime: 7200)
            _ = try await verifier.verify(token)
            return (verifier, token)
        }
        // The server is gone; the keys are past their lifetime but within the grace period.
        clock.advance(by: 1200)
        #expect(try await verifier.verify(token).subject == "alice@example.test")
        // Past the grace period the verifier must not trust keys it cannot refresh.
        clock.advance(by: 3600)
        let error = await #expect(throws: OIDCError.self) { try await verifier.verify(token) }
        #expect(error?.code == .discoveryFailed)
    }

    private func expectInvalidSignature(_ verifier: IdentityTokenVerifier, _ token: String) async throws {
        let error = await #expect(throws: OIDCError.self) { try await verifier.verify(token) }
        #expect(error?.code == .invalidSignature)
    }
}
