import AsyncHTTPClient

/// The HTTP client `signet log` reads logs with.
enum LogHTTPClient {
    /// AsyncHTTPClient's shared client retries a refused connection until the request deadline;
    /// a command line should say at once that nothing listens at `--rekor-url`. Never shut down:
    /// it lives as long as the process, like the shared client.
    static let shared: HTTPClient = {
        var configuration = HTTPClient.Configuration.singletonConfiguration
        configuration.connectionPool.retryConnectionEstablishment = false
        return HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration)
    }()
}
