public import Hummingbird
public import Prometheus

/// `/healthz` and `/metrics`: what an operator's probes and scrapers read.
enum OperationsRoutes {
    static func register<Context: RequestContext>(on router: Router<Context>, registry: PrometheusCollectorRegistry) {
        router.get("healthz") { _, _ -> Response in
            Response(status: .ok, headers: [.contentType: "text/plain"], body: .init(byteBuffer: ByteBuffer(string: "ok\n")))
        }
        router.get("metrics") { _, _ -> Response in
            Response(
                status: .ok,
                headers: [.contentType: "text/plain; version=0.0.4"],
                body: .init(byteBuffer: ByteBuffer(bytes: registry.emitToBuffer()))
            )
        }
    }
}
