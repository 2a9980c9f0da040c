import CoreMetrics
import Metrics

/// What an operator watches on intake (Prometheus names after sanitising):
///
/// | metric | dimensions | meaning |
/// |---|---|---|
/// | `intake_cases_opened_total` | `channel` | cases opened |
/// | `intake_steps_total` | `step`, `actor` | lifecycle steps intake emitted (`actor` = `system` or `person`) |
/// | `intake_reports_rejected_total` | `reason` | reports and inbound messages refused (`location_outside_city`, `invalid`, …) |
/// | `intake_inbound_duplicates_total` | `topic` | work orders / alerts already accepted, ignored |
/// | `intake_lifecycle_events_total` | `kind` | lifecycle-topic events applied to replicas (`applied`, `duplicate`, `card`, `notice`, `skipped`, `own`) |
/// | `intake_batch_seconds` | `consumer` (`inbound`, `lifecycle`) | time the handler took for one consumed batch (inside its transaction) |
struct IntakeMetrics: Sendable {
    let factory: any MetricsFactory

    func caseOpened(channel: String, count: Int = 1) {
        Counter(label: "intake_cases_opened_total", dimensions: [("channel", channel)], factory: factory).increment(by: count)
    }

    func step(_ step: String, bySystem: Bool) {
        Counter(label: "intake_steps_total", dimensions: [("step", step), ("actor", bySystem ? "system" : "person")], factory: factory)
            .increment()
    }

    func rejected(reason: String) {
        Counter(label: "intake_reports_rejected_total", dimensions: [("reason", reason)], factory: factory).increment()
    }

    func duplicateInbound(topic: String, count: Int = 1) {
        Counter(label: "intake_inbound_duplicates_total", dimensions: [("topic", topic)], factory: factory).increment(by: count)
    }

    func lifecycleEvent(_ kind: String, count: Int = 1) {
        Counter(label: "intake_lifecycle_events_total", dimensions: [("kind", kind)], factory: factory).increment(by: count)
    }

    func batch(consumer: String, duration: Duration) {
        Timer(label: "intake_batch_seconds", dimensions: [("consumer", consumer)], factory: factory).record(duration: duration)
    }
}
