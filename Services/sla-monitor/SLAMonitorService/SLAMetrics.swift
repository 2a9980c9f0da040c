public import Metrics

/// What an operator watches on the sla-monitor (Prometheus names):
///
/// - `sla_events_applied_total`: lifecycle events applied to clocks;
/// - `sla_events_stale_total`: events at or below a case's last applied sequence (redeliveries, replays);
/// - `sla_sequence_gaps_total`: events applied although earlier sequences of the case were never seen;
/// - `sla_clock_effects_skipped_total`: clock effects that did not fit the clocks (after a gap);
/// - `sla_cards_issued_total{card="yellow"|"red"}`: cards written to the outbox;
/// - `sla_card_delay_seconds{card}`: how long after it fell due a card was issued;
/// - `sla_timer_round_duration_seconds`: one claim-issue-commit round of the timer;
/// - `sla_timer_round_timeouts_total`: timer rounds given up after their deadline (their connection closed,
///   the server rolled them back, the next round claimed the clocks again).
///
/// Events dead-lettered (e.g. deadlines beyond the calendar) are counted by GridRuntime's consumer
/// (`gridloop_events_consumed_total{outcome="dead_lettered"}`).
public struct SLAMetrics: Sendable {
    let applied: Counter
    let stale: Counter
    let gaps: Counter
    let skippedEffects: Counter
    let yellowCards: Counter
    let redCards: Counter
    let yellowDelay: Recorder
    let redDelay: Recorder
    let timerRound: Metrics.Timer
    let timerRoundTimeouts: Counter

    /// Creates the metrics with `factory` (the service's registry; tests pass their own).
    public init(factory: any MetricsFactory) {
        applied = Counter(label: "sla_events_applied_total", factory: factory)
        stale = Counter(label: "sla_events_stale_total", factory: factory)
        gaps = Counter(label: "sla_sequence_gaps_total", factory: factory)
        skippedEffects = Counter(label: "sla_clock_effects_skipped_total", factory: factory)
        yellowCards = Counter(label: "sla_cards_issued_total", dimensions: [("card", "yellow")], factory: factory)
        redCards = Counter(label: "sla_cards_issued_total", dimensions: [("card", "red")], factory: factory)
        yellowDelay = Recorder(label: "sla_card_delay_seconds", dimensions: [("card", "yellow")], factory: factory)
        redDelay = Recorder(label: "sla_card_delay_seconds", dimensions: [("card", "red")], factory: factory)
        timerRound = Metrics.Timer(label: "sla_timer_round_duration_seconds", factory: factory)
        timerRoundTimeouts = Counter(label: "sla_timer_round_timeouts_total", factory: factory)
    }
}
