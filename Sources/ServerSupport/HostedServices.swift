public import Hummingbird

/// The services one `signetd` process hosts. Each is optional: a deployment can run any subset.
public struct HostedServices: Sendable {
    public init() {}

    /// Names of the hosted services, for the start-up banner.
    public var names: [String] {
        []
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
    }
}
