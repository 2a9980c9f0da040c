import ArgumentParser

/// A point in a case's life the tool measures, from the moment the order was sent.
enum Stage: String, CaseIterable, Sendable, Hashable, Codable, ExpressibleByArgument {
    /// intake opened the case (`gridloop.case.reported.v1`).
    case opened
    /// The case was filed (`gridloop.case.filed.v1`).
    case filed
    /// routing dispatched it to a unit (`gridloop.case.dispatched.v1`).
    case dispatched
    /// notification recorded its first delivery for the case (`notification.deliveries.created_at`).
    case notified

    /// The lifecycle event type that marks the stage (`nil` for `notified`, which is read from the database).
    var eventType: String? {
        switch self {
        case .opened: "gridloop.case.reported.v1"
        case .filed: "gridloop.case.filed.v1"
        case .dispatched: "gridloop.case.dispatched.v1"
        case .notified: nil
        }
    }

    /// The stage an event type marks, if any.
    static func marked(by type: String) -> Stage? {
        Self.allCases.first { $0.eventType == type }
    }
}
