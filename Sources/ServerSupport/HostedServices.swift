public import DevIdentityProvider
public import Hummingbird
public import TSAService

/// The services one `signetd` process hosts. Each is optional: a deployment can run any subset.
public struct HostedServices: Sendable {
    /// The RFC 3161 timestamp authority at `/api/v1/timestamp`.
    public var timestampAuthority: TimestampAuthority?
    /// The development OIDC issuer at `/oidc` (`signetd --dev` only: it mints any identity).
    public var devIdentityProvider: DevIdentityProvider?

    public init(timestampAuthority: TimestampAuthority? = nil, devIdentityProvider: DevIdentityProvider? = nil) {
        self.timestampAuthority = timestampAuthority
        self.devIdentityProvider = devIdentityProvider
    }

    /// Names of the hosted services, for the start-up banner.
    public var names: [String] {
        var names: [String] = []
        if timestampAuthority != nil { names.append("timestamp authority (/api/v1/timestamp)") }
        if devIdentityProvider != nil { names.append("dev OIDC issuer (/oidc)") }
        return names
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        if let timestampAuthority {
            TimestampRoutes.register(on: router, authority: timestampAuthority)
        }
        if let devIdentityProvider {
            DevIdentityProviderRoutes.register(on: router, provider: devIdentityProvider)
        }
    }
}
