public import Hummingbird
public import TSAService

/// The services one `signetd` process hosts. Each is optional: a deployment can run any subset.
public struct HostedServices: Sendable {
    /// The RFC 3161 timestamp authority at `/api/v1/timestamp`.
    public var timestampAuthority: TimestampAuthority?

    public init(timestampAuthority: TimestampAuthority? = nil) {
        self.timestampAuthority = timestampAuthority
    }

    /// Names of the hosted services, for the start-up banner.
    public var names: [String] {
        var names: [String] = []
        if timestampAuthority != nil { names.append("timestamp authority (/api/v1/timestamp)") }
        return names
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        if let timestampAuthority {
            TimestampRoutes.register(on: router, authority: timestampAuthority)
        }
    }
}
