public import Foundation
public import SigstoreModels

/// The services one signing run uses, chosen from a SigningConfig as interop contract §10.4 says.
public struct SelectedServices: Sendable, Hashable {
    /// The CA (its v2 API); nil when the config names none usable (fine for key-based signing).
    public var certificateAuthority: SigningConfig.Service?
    /// The transparency logs to write to, in preference order.
    public var transparencyLogs: [SigningConfig.Service]
    /// Every timestamp authority to ask.
    public var timestampAuthorities: [SigningConfig.Service]
}

/// Service selection (interop contract §10.4): drop services whose API version this client does
/// not speak or whose `validFor` does not contain now, take the highest API version left, prefer
/// the newest `validFor.start`, keep one service per operator, then apply the selector.
public enum ServiceSelection {
    /// CA `majorApiVersion` values this client speaks (version 1 is Fulcio's v2 REST API).
    public static let certificateAuthorityVersions: Set<UInt32> = [1]
    /// Rekor `majorApiVersion` values this client speaks.
    public static let transparencyLogVersions: Set<UInt32> = [1, 2]
    /// TSA `majorApiVersion` values this client speaks.
    public static let timestampAuthorityVersions: Set<UInt32> = [1]

    /// Chooses the services to sign with.
    ///
    /// - Parameters:
    ///   - rekorVersion: Only logs of this API version (cosign's and sigstore-python's
    ///     `--rekor-version`); nil takes the highest available.
    /// - Throws: ``SigningError/Code/signingConfiguration`` when no usable log is left, when an
    ///   `EXACT` selector asks for more services than remain, or when `rekorVersion` is not 1 or 2.
    public static func select(from config: SigningConfig, at now: Date, rekorVersion: UInt32? = nil) throws -> SelectedServices {
        if let rekorVersion, !transparencyLogVersions.contains(rekorVersion) {
            throw SigningError(.signingConfiguration, "Rekor API version \(rekorVersion) is not supported; use 1 or 2")
        }
        let ca = candidates(config.caUrls, versions: certificateAuthorityVersions, at: now).first
        let logVersions = rekorVersion.map { Set([$0]) } ?? transparencyLogVersions
        let logs = candidates(config.rekorTlogUrls, versions: logVersions, at: now)
        guard !logs.isEmpty else {
            let which = rekorVersion.map { "a Rekor v\($0) log" } ?? "a transparency log"
            throw SigningError(.signingConfiguration, "the signing configuration names no \(which) that is valid now")
        }
        return SelectedServices(
            certificateAuthority: ca,
            transparencyLogs: try apply(config.rekorTlogConfig, to: logs, what: "transparency logs"),
            timestampAuthorities: try apply(config.tsaConfig, to: candidates(config.tsaUrls, versions: timestampAuthorityVersions, at: now), what: "timestamp authorities")
        )
    }

    /// Valid, supported services of the highest version, newest first, one per operator.
    static func candidates(_ services: [SigningConfig.Service], versions: Set<UInt32>, at now: Date) -> [SigningConfig.Service] {
        let usable = services.filter { service in
            versions.contains(service.majorApiVersion) && (service.validFor?.contains(now) ?? false)
        }
        guard let highest = usable.map(\.majorApiVersion).max() else { return [] }
        let newestFirst = usable.filter { $0.majorApiVersion == highest }.enumerated().sorted { lhs, rhs in
            let left = lhs.element.validFor?.start, right = rhs.element.validFor?.start
            if left != right { return (left ?? ProtoTimestamp(seconds: 0)) > (right ?? ProtoTimestamp(seconds: 0)) }
            return lhs.offset < rhs.offset
        }.map(\.element)
        var operators: Set<String> = []
        return newestFirst.filter { operators.insert($0.operator).inserted }
    }

    /// `ANY` (or unset, for logs) → one; `ALL` → all; `EXACT` → `count`, an error if fewer exist.
    static func apply(_ configuration: SigningConfig.ServiceConfiguration?, to services: [SigningConfig.Service], what: String) throws -> [SigningConfig.Service] {
        switch configuration?.selector ?? .all {
        case .any: return Array(services.prefix(1))
        case .all, .undefined: return services
        case .exact:
            let count = Int(configuration?.count ?? 0)
            guard services.count >= count else {
                throw SigningError(.signingConfiguration, "the signing configuration asks for exactly \(count) \(what) but only \(services.count) are usable")
            }
            return Array(services.prefix(count))
        }
    }
}
