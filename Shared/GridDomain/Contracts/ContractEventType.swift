/// The CloudEvents `type` of every GridLoop event: `gridloop.<area>.<name>.v<version>`.
///
/// Lifecycle steps are named after what happened, one type per `CaseAction.Kind`
/// (`file` → `gridloop.case.filed.v1`); the event that opens a case is `gridloop.case.reported.v1`.
/// See `docs/contracts.md` for producers, consumers and the data schema of each type.
public enum ContractEventType {
    /// The prefix of case lifecycle types.
    public static let casePrefix = "gridloop.case."
    /// The version suffix of this contract generation.
    public static let versionSuffix = ".v1"

    /// `gridloop.case.reported.v1`: a case was opened (data: `CaseReportedV1`).
    public static let caseReported = "gridloop.case.reported.v1"
    /// `gridloop.deadline.yellow-card.v1`: a stage's deadline approaches (data: `DeadlineCardV1`).
    public static let yellowCard = "gridloop.deadline.yellow-card.v1"
    /// `gridloop.deadline.red-card.v1`: a stage's deadline is breached (data: `DeadlineCardV1`).
    public static let redCard = "gridloop.deadline.red-card.v1"
    /// `gridloop.dispatch.manual-required.v1`: routing found no single responsible unit; the case
    /// waits in the command centre's queue (data: `ManualDispatchRequiredV1`).
    public static let manualDispatchRequired = "gridloop.dispatch.manual-required.v1"

    /// The type of a lifecycle step: `gridloop.case.<event name>.v1` (data: `CaseStepV1`).
    public static func caseStep(_ kind: CaseAction.Kind) -> String {
        casePrefix + kind.eventName + versionSuffix
    }

    /// The step a lifecycle type names, or `nil` when `type` is not a v1 step type.
    public static func stepKind(of type: String) -> CaseAction.Kind? {
        stepKindsByType[type]
    }

    /// Every type published on `gridloop.case.lifecycle`, in a stable order.
    public static let lifecycleTopicTypes: [String] =
        [caseReported] + CaseAction.Kind.allCases.map(caseStep) + [yellowCard, redCard, manualDispatchRequired]

    private static let stepKindsByType: [String: CaseAction.Kind] = Dictionary(
        uniqueKeysWithValues: CaseAction.Kind.allCases.map { (caseStep($0), $0) })
}

extension CaseAction.Kind {
    /// The past-tense name of the step in event types: `file` → `filed`, `sign_for` → `signed-for`.
    public var eventName: String {
        switch self {
        case .requestVerification: "verification-requested"
        case .reportVerification: "verification-reported"
        case .file: "filed"
        case .notFile: "not-filed"
        case .markDuplicate: "marked-duplicate"
        case .void: "voided"
        case .dispatch: "dispatched"
        case .signFor: "signed-for"
        case .returnToDispatcher: "returned"
        case .redispatch: "redispatched"
        case .requestExtension: "extension-requested"
        case .approveExtension: "extension-approved"
        case .denyExtension: "extension-denied"
        case .requestPark: "park-requested"
        case .approvePark: "park-approved"
        case .denyPark: "park-denied"
        case .resume: "resumed"
        case .reportDisposal: "disposal-reported"
        case .assignCheck: "check-assigned"
        case .passCheck: "check-passed"
        case .failCheck: "check-failed"
        case .recordCallback: "callback-recorded"
        case .close: "closed"
        case .selfDispose: "self-disposed"
        case .escalate: "escalated"
        case .blowWhistle: "whistle-blown"
        case .reportArrival: "arrival-reported"
        }
    }
}
