import Metrics

/// The delivery worker's metrics:
///
/// - `notification_deliveries_total{channel, outcome}` (counter): attempts by outcome — `sent`,
///   `retry` (transient failure, tried again later), `failed` (permanent, or out of attempts).
/// - `notification_delivery_batch_seconds{channel}` (timer): sending one channel's share of a batch.
/// - `notification_worker_errors_total` (counter): rounds that failed on the database.
/// - `notification_worker_round_timeouts_total` (counter): database steps of a round (the claim, the
///   recording of outcomes) given up after the worker's database deadline, their connection closed.
struct DeliveryMetrics: Sendable {
    let factory: any MetricsFactory

    init(factory: any MetricsFactory) {
        self.factory = factory
    }

    func count(channel: ChannelKind, outcome: String, _ amount: Int) {
        guard amount > 0 else { return }
        Counter(label: "notification_deliveries_total", dimensions: [("channel", channel.rawValue), ("outcome", outcome)], factory: factory)
            .increment(by: amount)
    }

    func recordBatch(channel: ChannelKind, duration: Duration) {
        Metrics.Timer(label: "notification_delivery_batch_seconds", dimensions: [("channel", channel.rawValue)], factory: factory)
            .recordNanoseconds(duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000)
    }

    func countRoundTimeout() {
        Counter(label: "notification_worker_round_timeouts_total", factory: factory).increment()
    }

    func countWorkerError() {
        Counter(label: "notification_worker_errors_total", factory: factory).increment()
    }
}
