import Foundation
public import GridDomain
import Metrics
public import Prometheus

/// What an operator watches on routing: dispatches by who decided, cases queued for a dispatcher by
/// reason, lifecycle events applied, and how long a consumed batch takes.
public struct RoutingMetrics: Sendable {
    let factory: PrometheusMetricsFactory

    /// Metrics written through `factory` (the service's registry).
    public init(factory: PrometheusMetricsFactory) {
        self.factory = factory
    }

    /// Counts what a workspace did (call once its work is done; API steps call it after the commit).
    func record(_ outcomes: RoutingWorkspace.Outcomes) {
        if outcomes.eventsApplied > 0 {
            Counter(label: "routing_replica_events_applied_total", factory: factory).increment(by: outcomes.eventsApplied)
        }
        if outcomes.duplicates > 0 {
            Counter(label: "routing_replica_events_duplicate_total", factory: factory).increment(by: outcomes.duplicates)
        }
        if outcomes.automaticDispatches > 0 {
            Counter(label: "routing_dispatches_total", dimensions: [("by", "responsibility_list")], factory: factory)
                .increment(by: outcomes.automaticDispatches)
        }
        for (reason, count) in outcomes.queued {
            Counter(label: "routing_manual_dispatch_required_total", dimensions: [("reason", reason.rawValue)], factory: factory)
                .increment(by: count)
        }
    }

    /// Counts a dispatch made by a dispatcher.
    func recordManualDispatch() {
        Counter(label: "routing_dispatches_total", dimensions: [("by", "dispatcher")], factory: factory).increment()
    }

    /// Counts a step a disposal unit or the command centre took through the API.
    func recordStep(_ kind: CaseAction.Kind) {
        Counter(label: "routing_api_steps_total", dimensions: [("step", kind.rawValue)], factory: factory).increment()
    }

    /// Records how long the lifecycle handler took on a transaction's events (load, replay, dispatch,
    /// save) and how many events it got.
    func recordBatch(size: Int, duration: Duration) {
        Timer(label: "routing_consumer_batch_duration_seconds", factory: factory).record(duration: duration)
        Recorder(label: "routing_consumer_batch_size", factory: factory).record(size)
    }
}
