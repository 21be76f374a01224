import Foundation
import Logging

/// Discovery documents and keys per issuer: fetched once, kept for a lifetime, fetched again
/// early when a token names an unknown `kid` (at most once per refresh interval), and shared by
/// concurrent verifications so a burst of tokens from a cold issuer costs one fetch.
actor IssuerKeyCache {
    private let fetcher: IssuerDocumentFetcher
    private let configuration: IdentityTokenVerifier.Configuration
    private let clock: @Sendable () -> Date
    private let logger: Logger
    private var entries: [String: IssuerKeys] = [:]
    private var inFlight: [String: Task<Result<IssuerKeys, OIDCError>, Never>] = [:]
    private var failures: [String: (at: Date, error: OIDCError)] = [:]

    init(fetcher: IssuerDocumentFetcher, configuration: IdentityTokenVerifier.Configuration, clock: @escaping @Sendable () -> Date, logger: Logger) {
        self.fetcher = fetcher
        self.configuration = configuration
        self.clock = clock
        self.logger = logger
    }

    /// The issuer's keys, fetched when absent or older than the cache lifetime.
    func keys(for issuer: String) async throws(OIDCError) -> IssuerKeys {
        if let cached = entries[issuer], clock().timeIntervalSince(cached.fetchedAt) < configuration.keyCacheLifetime {
            return cached
        }
        return try await load(issuer, knownMetadata: nil)
    }

    /// The issuer's keys after a token named a `kid` missing from `keys`: the JWKS is fetched
    /// again unless it was fetched less than the minimum refresh interval ago, so a stream of
    /// tokens with made-up key IDs cannot make the verifier hammer the issuer.
    func refreshedKeys(for issuer: String, lacking keys: IssuerKeys) async throws(OIDCError) -> IssuerKeys {
        if let current = entries[issuer], current.fetchedAt > keys.fetchedAt {
            return current
        }
        guard clock().timeIntervalSince(keys.fetchedAt) >= configuration.minimumRefreshInterval else {
            return keys
        }
        return try await load(issuer, knownMetadata: keys.metadata)
    }

    private func load(_ issuer: String, knownMetadata: OpenIDProviderMetadata?) async throws(OIDCError) -> IssuerKeys {
        if let running = inFlight[issuer] {
            return try await running.value.get()
        }
        if let failure = failures[issuer], clock().timeIntervalSince(failure.at) < configuration.retryAfterFailure {
            if let usable = usableStaleKeys(for: issuer) { return usable }
            throw failure.error
        }
        let fetcher = self.fetcher
        let clock = self.clock
        let task = Task { () -> Result<IssuerKeys, OIDCError> in
            do throws(OIDCError) {
                if let knownMetadata {
                    let keySet = try await fetcher.keySet(of: knownMetadata)
                    return .success(await IssuerKeys(metadata: knownMetadata, keySet: keySet, fetchedAt: clock()))
                }
                let (metadata, keySet) = try await fetcher.discover(issuer: issuer)
                return .success(await IssuerKeys(metadata: metadata, keySet: keySet, fetchedAt: clock()))
            } catch {
                return .failure(error)
            }
        }
        inFlight[issuer] = task
        let result = await task.value
        inFlight[issuer] = nil
        switch result {
        case .success(let keys):
            store(keys, for: issuer)
            failures[issuer] = nil
            return keys
        case .failure(let error):
            recordFailure(error, for: issuer)
            if let usable = usableStaleKeys(for: issuer) {
                logger.warning("OIDC key refresh failed, using cached keys", metadata: ["issuer": "\(issuer)", "error": "\(error.message)"])
                return usable
            }
            throw error
        }
    }

    /// Keys past their lifetime stay usable for a grace period while the issuer is unreachable.
    private func usableStaleKeys(for issuer: String) -> IssuerKeys? {
        guard let stale = entries[issuer] else { return nil }
        let age = clock().timeIntervalSince(stale.fetchedAt)
        return age < configuration.keyCacheLifetime + configuration.staleKeyGracePeriod ? stale : nil
    }

    private func store(_ keys: IssuerKeys, for issuer: String) {
        if entries[issuer] == nil, entries.count >= OIDCLimits.maxCachedIssuers,
            let oldest = entries.min(by: { $0.value.fetchedAt < $1.value.fetchedAt })?.key
        {
            entries[oldest] = nil
        }
        entries[issuer] = keys
    }

    private func recordFailure(_ error: OIDCError, for issuer: String) {
        let now = clock()
        if failures[issuer] == nil, failures.count >= OIDCLimits.maxCachedIssuers {
            failures = failures.filter { now.timeIntervalSince($0.value.at) < configuration.retryAfterFailure }
            if failures.count >= OIDCLimits.maxCachedIssuers, let any = failures.keys.first {
                failures[any] = nil
            }
        }
        failures[issuer] = (now, error)
    }
}
