public import GridDomain
import Foundation
public import Hummingbird

/// `GET /v1/cases/{id}/clocks`: every run of every stage clock of a case.
public struct CaseClocksResponse: ResponseEncodable, Sendable, Hashable {
    /// The case.
    public var caseId: String
    /// The human case number.
    public var caseNumber: String
    /// The case's state after the last event applied.
    public var state: CaseState
    /// The last lifecycle event the monitor applied.
    public var asOfSequence: Int
    /// When the answer was computed (remaining times and cards are as of this instant).
    public var asOf: String
    /// The runs, in the order they started.
    public var clocks: [StageClockView]
}

/// One run of one stage clock, as answered by the API.
public struct StageClockView: Codable, Sendable, Hashable {
    /// The stage (`sign_for`, `dispose`…).
    public var stage: CaseStage
    /// The run number (a stage that starts again gets the next one).
    public var run: Int
    /// `running`, `paused` or `stopped`.
    public var status: ClockStatus
    /// `working` or `natural` time.
    public var measure: ClockMeasure
    /// When the stage started.
    public var startedAt: String
    /// The limit set by the deadline policy.
    public var limit: TimeLimitV1
    /// Extensions granted, in order.
    public var extensions: [TimeLimitV1]
    /// When the yellow threshold is (or was) reached; absent while paused.
    public var yellowAt: String?
    /// When the limit runs (or ran) out; absent while paused.
    public var dueAt: String?
    /// Time left on the clock's measure (negative once overdue), in seconds; absent when stopped.
    public var remainingSeconds: Int64?
    /// Time counted so far (up to the stop), in seconds.
    public var elapsedSeconds: Int64?
    /// The card the run has earned now (a stopped run keeps the card it had when it stopped).
    public var card: DeadlineCard
    /// When the yellow card was issued.
    public var yellowIssuedAt: String?
    /// When the red card was issued.
    public var redIssuedAt: String?
    /// Since when the run is paused.
    public var pausedAt: String?
    /// When the run stopped.
    public var stoppedAt: String?
    /// Where a red card goes.
    public var escalation: EscalationTargetV1
    /// The deadline rule that set the limit.
    public var rule: String
}

/// `GET /v1/overdue`: running clocks past their due time, the longest overdue first.
public struct OverdueResponse: ResponseEncodable, Sendable, Hashable {
    /// When the list was computed.
    public var asOf: String
    /// The overdue runs.
    public var items: [OverdueItem]
    /// True when more runs are overdue than `limit` allowed.
    public var truncated: Bool
}

/// One overdue run.
public struct OverdueItem: Codable, Sendable, Hashable {
    /// The case.
    public var caseId: String
    /// The human case number.
    public var caseNumber: String
    /// The case's state.
    public var state: String
    /// The overdue stage.
    public var stage: CaseStage
    /// The run number.
    public var run: Int
    /// When the stage started.
    public var startedAt: String
    /// When it was due.
    public var dueAt: String
    /// Wall-clock seconds since the due time.
    public var overdueSeconds: Int64
    /// The limit set by the deadline policy.
    public var limit: TimeLimitV1
    /// When the red card was issued, once it was.
    public var redIssuedAt: String?
    /// The case's district, when located.
    public var district: String?
    /// The most precise place of the case (grid, community, street or district code), when located.
    public var placeCode: String?
    /// The lead unit, once dispatched.
    public var leadUnit: String?
}
