public import GridDomain

/// One row of the city's `routes.csv`: on `trigger`, tell the recipients in `role` with `template`.
public struct NotificationRoute: Sendable, Hashable {
    /// The event.
    public let trigger: NotificationTrigger
    /// Who is told.
    public let role: RecipientRole
    /// The template's name.
    public let template: String

    /// Creates a route.
    public init(trigger: NotificationTrigger, role: RecipientRole, template: String) {
        self.trigger = trigger
        self.role = role
        self.template = template
    }

    /// The columns of `routes.csv`.
    public static let csvColumns = ["event", "recipients", "template"]

    /// Reads `routes.csv`: columns `event,recipients,template`, one recipient role per row. `event` is
    /// a ``NotificationTrigger`` raw value, `recipients` a ``RecipientRole`` raw value allowed for it;
    /// `template` must be one of `templates`. A pair (event, recipients) appears once.
    public static func routes(csv text: String, file: String, templates: Set<String>) throws(DataFileError) -> [NotificationRoute] {
        let table = try CSVTable(text: text, file: file, requiredColumns: csvColumns)
        var routes: [NotificationRoute] = []
        var lines: [String: Int] = [:]
        for row in table.rows {
            let eventText = try row.required("event")
            guard let trigger = NotificationTrigger(rawValue: eventText) else {
                throw row.error(
                    "unknown event '\(eventText)'; use one of \(NotificationTrigger.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let roleText = try row.required("recipients")
            guard let role = RecipientRole(rawValue: roleText), trigger.allowedRoles.contains(role) else {
                let allowed = RecipientRole.allCases.filter(trigger.allowedRoles.contains).map(\.rawValue)
                throw row.error("recipients '\(roleText)' cannot be told of \(eventText); use one of \(allowed.joined(separator: ", "))")
            }
            let key = "\(eventText) → \(roleText)"
            if let first = lines[key] { throw row.error("\(key) appears twice (first on line \(first))") }
            lines[key] = row.line
            let template = try row.required("template")
            guard templates.contains(template) else {
                throw row.error("unknown template '\(template)' (not in templates.csv)")
            }
            routes.append(NotificationRoute(trigger: trigger, role: role, template: template))
        }
        return routes
    }
}
