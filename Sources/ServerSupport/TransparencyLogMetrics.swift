public import LogEngine
public import Prometheus
import Synchronization

/// Prometheus metrics of one transparency log's appends, fed by its ``Sequencer`` (as its
/// ``SequencerObserver``). Every series carries `log="v1"` or `log="v2"`:
///
/// | metric | type | what |
/// |---|---|---|
/// | `signet_tlog_entries_appended_total{log,kind}` | counter | new entries made durable, by Rekor kind |
/// | `signet_tlog_duplicate_submissions_total{log}` | counter | submissions answered with an existing entry |
/// | `signet_tlog_batch_entries{log}` | histogram | new entries per durable commit |
/// | `signet_tlog_commit_duration_seconds{log}` | histogram | one batch: dedupe, sign, durable write |
/// | `signet_tlog_commit_failures_total{log}` | counter | failed commits (their entries were refused) |
/// | `signet_tlog_tree_size{log}` | gauge | entries in the log |
///
/// Refused requests are counted by ``RequestMetricsMiddleware`` as
/// `signet_tlog_rejected_requests_total{log,reason}`.
public final class TransparencyLogMetrics: SequencerObserver {
    private let registry: PrometheusCollectorRegistry
    private let log: String
    private let appendedByKind: Mutex<[String: Counter]>
    private let duplicates: Counter
    private let batchEntries: ValueHistogram
    private let commitDuration: DurationHistogram
    private let commitFailures: Counter
    private let treeSize: Gauge

    /// Metrics of the log labelled `log` (`v1`, `v2`) in `registry`.
    public init(registry: PrometheusCollectorRegistry, log: String) {
        self.registry = registry
        self.log = log
        let labels = [("log", log)]
        // The kinds both APIs accept exist from the start, so dashboards see zeros, not gaps.
        appendedByKind = Mutex(Dictionary(uniqueKeysWithValues: ["hashedrekord", "dsse", "intoto"].map { kind in
            (kind, registry.makeCounter(descriptor: Self.appended, labels: [("log", log), ("kind", kind)]))
        }))
        duplicates = registry.makeCounter(descriptor: Self.duplicateSubmissions, labels: labels)
        batchEntries = registry.makeValueHistogram(descriptor: Self.batchEntries, labels: labels, buckets: Self.batchBuckets)
        commitDuration = registry.makeDurationHistogram(descriptor: Self.commitDuration, labels: labels, buckets: Self.commitBuckets)
        commitFailures = registry.makeCounter(descriptor: Self.commitFailures, labels: labels)
        treeSize = registry.makeGauge(descriptor: Self.treeSize, labels: labels)
    }

    public func sequencerCommitted(_ commit: SequencerCommit) {
        for (kind, count) in commit.appendedByKind {
            counter(kind: kind).increment(by: Int64(count))
        }
        if commit.duplicates > 0 {
            duplicates.increment(by: Int64(commit.duplicates))
        }
        if commit.appended > 0 {
            batchEntries.record(Double(commit.appended))
            commitDuration.record(commit.duration)
        }
        treeSize.set(Double(commit.treeSize))
    }

    public func sequencerFailedCommit(entryCount: Int) {
        commitFailures.increment()
    }

    public func sequencerLoaded(treeSize size: UInt64) {
        treeSize.set(Double(size))
    }

    private func counter(kind: String) -> Counter {
        appendedByKind.withLock { counters in
            if let counter = counters[kind] { return counter }
            let counter = registry.makeCounter(descriptor: Self.appended, labels: [("log", log), ("kind", kind)])
            counters[kind] = counter
            return counter
        }
    }

    private static var appended: MetricNameDescriptor { descriptor("entries_appended", "total", "New entries made durable, by Rekor kind.") }
    private static var duplicateSubmissions: MetricNameDescriptor { descriptor("duplicate_submissions", "total", "Submissions answered with an entry already in the log.") }
    private static var batchEntries: MetricNameDescriptor { descriptor("batch", "entries", "New entries per durable commit.") }
    private static var commitDuration: MetricNameDescriptor { descriptor("commit_duration", "seconds", "Time to commit one batch: dedupe lookup, checkpoint signature, durable write.") }
    private static var commitFailures: MetricNameDescriptor { descriptor("commit_failures", "total", "Commits that failed; their entries were refused.") }
    private static var treeSize: MetricNameDescriptor { descriptor("tree", "size", "Entries in the log.") }
    private static var rejectedRequests: MetricNameDescriptor { descriptor("rejected_requests", "total", "Append requests refused, by reason.") }

    private static func descriptor(_ name: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(namespace: "signet", subsystem: "tlog", metricName: name, unitName: unit, helpText: help)
    }

    /// The append routes, with the `log` label of their metrics.
    static let appendRoutes = ["/api/v1/log/entries": "v1", "/api/v2/log/entries": "v2"]

    /// Counts a refused append by the reason its status stands for (`ServiceErrorMapping`).
    static func countRejection(in registry: PrometheusCollectorRegistry, log: String, status: Int) {
        let reason = switch status {
        case 400: "invalid_entry"
        case 409: "duplicate"
        case 413: "too_large"
        case 415: "unsupported_media_type"
        case 429, 503: "overloaded"
        case 500: "internal_error"
        default: "status_\(status)"
        }
        registry.makeCounter(descriptor: rejectedRequests, labels: [("log", log), ("reason", reason)]).increment()
    }

    static let batchBuckets: [Double] = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1_024, 2_048, 4_096]

    static let commitBuckets: [Duration] = [
        .microseconds(500), .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
        .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5),
    ]
}
