/// Who a route sends a notification to, relative to the event (a column of the city's `routes.csv`).
public enum RecipientRole: String, Sendable, Hashable, CaseIterable, Codable {
    /// The case's lead unit (主办单位).
    case lead
    /// Each of the case's co-units (协办单位).
    case coUnits = "co_units"
    /// A deadline card's escalation target (督办对象): a named unit, or the command centre of a level.
    case escalation
    /// The dispatchers' desk (派遣席) of the case's district, or the nearest one above it.
    case dispatchDesk = "dispatch_desk"
    /// The person who reported the case, through the channel's own system (12345 platform, citizen app).
    case reporter
}
