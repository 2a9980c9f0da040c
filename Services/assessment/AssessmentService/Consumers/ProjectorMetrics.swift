import Metrics

/// What an operator watches of the lifecycle consumer.
struct ProjectorMetrics: Sendable {
    /// `assessment_events_recorded_total`: new lifecycle events recorded.
    let recorded: Counter
    /// `assessment_events_already_recorded_total`: redelivered or republished events ignored.
    let alreadyRecorded: Counter
    /// `assessment_events_unknown_type_total`: events of unknown types skipped.
    let unknownTypes: Counter
    /// `assessment_sequence_gaps_total`: steps applied after missing sequences.
    let gaps: Counter

    init(factory: any MetricsFactory) {
        recorded = Counter(label: "assessment_events_recorded_total", factory: factory)
        alreadyRecorded = Counter(label: "assessment_events_already_recorded_total", factory: factory)
        unknownTypes = Counter(label: "assessment_events_unknown_type_total", factory: factory)
        gaps = Counter(label: "assessment_sequence_gaps_total", factory: factory)
    }

    func record(_ summary: ProjectionSummary) {
        if summary.recorded > 0 { recorded.increment(by: summary.recorded) }
        if summary.alreadyRecorded > 0 { alreadyRecorded.increment(by: summary.alreadyRecorded) }
        if summary.unknownTypes > 0 { unknownTypes.increment(by: summary.unknownTypes) }
        if summary.gaps > 0 { gaps.increment(by: summary.gaps) }
    }
}
