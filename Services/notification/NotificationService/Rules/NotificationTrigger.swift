/// The lifecycle-topic events that can cause notifications, as named in the city's `routes.csv`.
public enum NotificationTrigger: String, Sendable, Hashable, CaseIterable, Codable {
    /// `gridloop.case.dispatched.v1`: a case was dispatched (派遣).
    case dispatched
    /// `gridloop.case.redispatched.v1`: a returned case was dispatched again (改派).
    case redispatched
    /// `gridloop.deadline.yellow-card.v1`: a stage's deadline approaches (黄牌).
    case yellowCard = "yellow_card"
    /// `gridloop.deadline.red-card.v1`: a stage's deadline was breached (红牌督办).
    case redCard = "red_card"
    /// `gridloop.case.closed.v1`: the case was closed (结案).
    case closed
    /// `gridloop.dispatch.manual-required.v1`: the case waits for a dispatcher (人工派遣).
    case manualRequired = "manual_required"

    /// The recipient roles that make sense for this trigger (a route naming another is a file error).
    public var allowedRoles: Set<RecipientRole> {
        switch self {
        case .dispatched, .redispatched, .closed, .manualRequired: [.lead, .coUnits, .dispatchDesk, .reporter]
        case .yellowCard, .redCard: [.lead, .coUnits, .escalation, .dispatchDesk, .reporter]
        }
    }
}
