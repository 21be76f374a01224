public import Hummingbird
public import Logging
public import Prometheus

/// Builds the HTTP application that serves whichever services are hosted, on one origin.
///
/// Paths never collide (interop contract §1.4), so every service is mounted at the root.
public enum SignetApplication {
    public static func build(
        configuration: ServerConfiguration,
        services: HostedServices,
        metrics: PrometheusCollectorRegistry = PrometheusCollectorRegistry(),
        logger: Logger = Logger(label: "signetd"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: RequestMetricsMiddleware(registry: metrics))
        router.add(middleware: ErrorMiddleware())
        OperationsRoutes.register(on: router, registry: metrics)
        services.register(on: router)
        return Application(
            router: router,
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "signetd"),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? configuration.port) },
            logger: logger
        )
    }
}
