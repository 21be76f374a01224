/// Where and how `signetd` listens.
public struct ServerConfiguration: Sendable {
    /// Address to bind; loopback by default so nothing is exposed by accident.
    public var host: String
    /// TCP port; 0 lets the system pick one (tests).
    public var port: Int

    public init(host: String = "127.0.0.1", port: Int = 8080) {
        self.host = host
        self.port = port
    }
}
