public import CAService
public import CTLogService
public import DevIdentityProvider
public import Hummingbird
public import TLogService
public import TSAService

/// The services one `signetd` process hosts. Each is optional: a deployment can run any subset.
public struct HostedServices: Sendable {
    /// The RFC 3161 timestamp authority at `/api/v1/timestamp`.
    public var timestampAuthority: TimestampAuthority?
    /// The development OIDC issuer at `/oidc` (`signetd --dev` only: it mints any identity).
    public var devIdentityProvider: DevIdentityProvider?
    /// The Fulcio-compatible certificate authority at `/api/v2/signingCert` and friends.
    public var certificateAuthority: CertificateAuthority?
    /// The RFC 6962 certificate transparency log at `/ct/v1` that the CA gets SCTs from.
    public var ctLog: CTLog?
    /// The Rekor v1 and v2 transparency logs at `/api/v1/log`, `/api/v2/log/entries` and the tile paths.
    public var transparencyLog: TransparencyLogs?

    public init(
        timestampAuthority: TimestampAuthority? = nil,
        devIdentityProvider: DevIdentityProvider? = nil,
        certificateAuthority: CertificateAuthority? = nil,
        ctLog: CTLog? = nil,
        transparencyLog: TransparencyLogs? = nil
    ) {
        self.transparencyLog = transparencyLog
        self.timestampAuthority = timestampAuthority
        self.devIdentityProvider = devIdentityProvider
        self.certificateAuthority = certificateAuthority
        self.ctLog = ctLog
    }

    /// Names of the hosted services, for the start-up banner.
    public var names: [String] {
        var names: [String] = []
        if timestampAuthority != nil { names.append("timestamp authority (/api/v1/timestamp)") }
        if devIdentityProvider != nil { names.append("dev OIDC issuer (/oidc)") }
        if certificateAuthority != nil { names.append("certificate authority (/api/v2/signingCert)") }
        if ctLog != nil { names.append("CT log (/ct/v1)") }
        if transparencyLog != nil { names.append("transparency log (/api/v1/log, /api/v2/log/entries, /checkpoint, /tile)") }
        return names
    }

    func register<Context: RequestContext>(on router: Router<Context>) {
        if let timestampAuthority {
            TimestampRoutes.register(on: router, authority: timestampAuthority)
        }
        if let devIdentityProvider {
            DevIdentityProviderRoutes.register(on: router, provider: devIdentityProvider)
        }
        if let certificateAuthority {
            CertificateAuthorityRoutes.register(on: router, authority: certificateAuthority)
        }
        if let ctLog {
            CTLogRoutes.register(on: router, log: ctLog)
        }
        if let transparencyLog {
            TransparencyLogRoutes.register(on: router, logs: transparencyLog)
        }
    }
}
