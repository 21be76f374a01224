public import Hummingbird
public import Prometheus

/// Counts requests and measures their latency per route into a Prometheus registry owned by the
/// server (not the process-wide `MetricsSystem`, so several servers can live in one process).
/// Refused transparency log appends are also counted by reason
/// (`signet_tlog_rejected_requests_total{log,reason}`).
struct RequestMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let registry: PrometheusCollectorRegistry

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let route = context.endpointPath ?? "unmatched"
            let labels = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            registry.makeCounter(name: "signet_http_requests_total", labels: labels).increment()
            registry.makeDurationHistogram(
                name: "signet_http_request_duration_seconds",
                labels: [("method", request.method.rawValue), ("route", route)],
                buckets: RequestMetricsMiddleware.buckets
            ).record(ContinuousClock.now - start)
            if status >= 400, request.method == .post, let log = TransparencyLogMetrics.appendRoutes[route] {
                TransparencyLogMetrics.countRejection(in: registry, log: log, status: status)
            }
        }
        do {
            let response = try await next(request, context)
            status = Int(response.status.code)
            return response
        } catch let error as any HTTPResponseError {
            status = Int(error.status.code)
            throw error
        }
    }

    static var buckets: [Duration] {
        [.microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10),
         .milliseconds(25), .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500),
         .seconds(1), .seconds(2), .seconds(5), .seconds(10)]
    }
}
