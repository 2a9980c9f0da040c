public import GridDomain

/// A city's notification rules, loaded from the `notifications/` folder of the city directory:
/// which events go to whom (`routes.csv`), with what words (`templates.csv`), through which channel and
/// address (`contacts.csv`), and how times and the platform are shown (`settings.csv`, optional).
/// See `docs/services/notification.md` for the file formats.
public struct NotificationRules: Sendable {
    /// The templates by name.
    public let templates: [String: MessageTemplate]
    /// The routes, in file order.
    public let routes: [NotificationRoute]
    /// The contacts.
    public let contacts: ContactBook
    /// Time zone and platform name.
    public let presentation: NoticePresentation

    /// Creates rules from their parts (the loader checks them against each other and the city).
    public init(templates: [String: MessageTemplate], routes: [NotificationRoute], contacts: ContactBook, presentation: NoticePresentation) {
        self.templates = templates
        self.routes = routes
        self.contacts = contacts
        self.presentation = presentation
    }

    /// The routes of `trigger`, in file order.
    public func routes(for trigger: NotificationTrigger) -> [NotificationRoute] {
        routes.filter { $0.trigger == trigger }
    }

    /// True when some route tells reporters.
    public var tellsReporters: Bool { routes.contains { $0.role == .reporter } }

    /// Checks that every recipient the routes can name is reachable: every unit of the city (when a
    /// route tells lead or co-units), a centre for the city (escalation) and a desk for the city
    /// (dispatch desk) — by their own rows, an enclosing place's, or the default — and at least one
    /// reporter channel when a route tells reporters.
    /// - Returns: One message per problem; empty when the rules cover the city.
    public func coverageProblems(places: PlaceHierarchy, units: UnitRegistry) -> [String] {
        var problems: [String] = []
        let roles = Set(routes.map(\.role))
        if !roles.isDisjoint(with: [.lead, .coUnits, .escalation]) {
            let missing = units.units.map(\.id).filter { contacts.resolve(.unit($0), places: places) == nil }
            if !missing.isEmpty {
                let shown = missing.prefix(10).map { "unit:\($0.rawValue)" }.joined(separator: ", ")
                problems.append(
                    "\(missing.count) unit(s) have no contact and there is no default row '*': \(shown)\(missing.count > 10 ? ", …" : "")")
            }
        }
        if roles.contains(.escalation), contacts.resolve(.centre(places.city.code), places: places) == nil {
            problems.append("red/yellow cards escalate to command centres, but there is no row centre:\(places.city.code.digits) and no default row '*'")
        }
        if roles.contains(.dispatchDesk), contacts.resolve(.dispatchDesk(places.city.code), places: places) == nil {
            problems.append("routes tell the dispatch desk, but there is no row dispatch_desk:\(places.city.code.digits) and no default row '*'")
        }
        if roles.contains(.reporter), !CaseChannel.allCases.contains(where: contacts.reachesReporters) {
            problems.append("routes tell reporters, but no reporter:<channel> row says how to reach them")
        }
        return problems
    }
}
