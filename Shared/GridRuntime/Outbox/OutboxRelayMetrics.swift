import Metrics

/// The relay's metrics, labelled with the service schema (`schema` dimension).
///
/// - `gridloop_outbox_published_total` (counter): rows delivered and removed from the outbox.
/// - `gridloop_outbox_publish_failures_total` (counter): rows whose delivery failed (they stay).
/// - `gridloop_outbox_pending` (gauge): rows waiting, as last observed by the leader.
/// - `gridloop_outbox_relay_leader` (gauge): 1 while this process is the schema's active relay.
/// - `gridloop_outbox_round_duration_seconds` (timer): fetch + publish + mark of one batch.
struct OutboxRelayMetrics: Sendable {
    let published: Counter
    let failures: Counter
    let pending: Gauge
    let leader: Gauge
    let roundDuration: Metrics.Timer

    init(schema: PostgresIdentifier) {
        let dimensions = [("schema", schema.name)]
        published = Counter(label: "gridloop_outbox_published_total", dimensions: dimensions)
        failures = Counter(label: "gridloop_outbox_publish_failures_total", dimensions: dimensions)
        pending = Gauge(label: "gridloop_outbox_pending", dimensions: dimensions)
        leader = Gauge(label: "gridloop_outbox_relay_leader", dimensions: dimensions)
        roundDuration = Metrics.Timer(label: "gridloop_outbox_round_duration_seconds", dimensions: dimensions)
    }
}
