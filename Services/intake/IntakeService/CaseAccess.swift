import GridDomain
import GridRuntime

/// Who may see a case and its reporter's personal data.
///
/// - Staff roles see the cases whose place lies in one of their place scopes (a case that could not
///   be placed only with the `*` scope); citizens see the cases they reported themselves.
/// - Clear personal data (the reporter's name and phone, the unmasked description and address) are
///   shown to operators, shift leads and hotline agents (who call back); everyone else sees the
///   masked report, and nothing of a confidential reporter.
enum CaseAccess {
    /// Roles that work on cases in their place scope.
    static let staffRoles: [Role] = [
        .supervisor, .gridWorker, .operator, .shiftLead, .dispatcher, .disposalUnit, .hotlineAgent, .admin, .auditor,
    ]
    /// Roles that may see a reporter's clear personal data.
    static let personalDataRoles: [Role] = [.operator, .shiftLead, .hotlineAgent]

    /// Whether `principal` may see the case.
    static func canView(_ stored: StoredCase, principal: Principal) -> Bool {
        if staffRoles.contains(where: principal.has) {
            if let place = stored.place { if principal.canSee(place) { return true } }
            else if principal.placeScopes.contains("*") { return true }
        }
        if principal.has(.citizen), let account = stored.replica.report.reporter.accountID, account == principal.userID {
            return true
        }
        return false
    }

    /// Requires ``canView(_:principal:)``.
    /// - Throws: 404 for citizens (a case of someone else is not revealed), 403 for staff out of scope.
    static func requireView(_ stored: StoredCase, principal: Principal) throws(APIError) {
        guard !canView(stored, principal: principal) else { return }
        guard staffRoles.contains(where: principal.has) else {
            throw .notFound("no case \(stored.replica.id)", code: "case_not_found")
        }
        let place = stored.place.map { "place \($0.digits)" } ?? "a case without placement (needs the * scope)"
        throw .forbidden("case \(stored.replica.number) lies in \(place), outside your place scopes")
    }

    /// Whether `principal` may see clear personal data.
    static func seesPersonalData(_ principal: Principal) -> Bool {
        personalDataRoles.contains(where: principal.has)
    }
}
