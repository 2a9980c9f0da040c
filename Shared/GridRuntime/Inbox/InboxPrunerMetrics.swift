import Metrics

/// The inbox pruner's metrics, labelled with the service schema (`schema` dimension).
///
/// - `gridloop_inbox_pruned_total` (counter): inbox records deleted.
/// - `gridloop_inbox_prune_failures_total` (counter): runs that failed (retried at the next interval).
/// - `gridloop_inbox_prune_last_duration_seconds` (gauge): how long the last successful run took.
struct InboxPrunerMetrics: Sendable {
    let pruned: Counter
    let failures: Counter
    let lastDuration: Gauge

    init(schema: PostgresIdentifier, factory: any MetricsFactory) {
        let dimensions = [("schema", schema.name)]
        pruned = Counter(label: "gridloop_inbox_pruned_total", dimensions: dimensions, factory: factory)
        failures = Counter(label: "gridloop_inbox_prune_failures_total", dimensions: dimensions, factory: factory)
        lastDuration = Gauge(label: "gridloop_inbox_prune_last_duration_seconds", dimensions: dimensions, factory: factory)
    }

    /// Records a finished run's duration.
    func recordRun(duration: Duration) {
        let (seconds, attoseconds) = duration.components
        lastDuration.record(Double(seconds) + Double(attoseconds) / 1e18)
    }
}
