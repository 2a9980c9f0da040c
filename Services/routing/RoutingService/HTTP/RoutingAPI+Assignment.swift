import Foundation
import GridDomain
import GridRuntime
import Hummingbird

extension RoutingAPI {
    /// `GET /v1/cases/{caseId}/assignment`: the current and past assignments of a case with their
    /// explanations, and its queue history. Command-centre roles and auditors within their place scope;
    /// a disposal unit for cases it has been assigned (as lead or co-unit).
    func addAssignmentRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.get("cases/:caseId/assignment") { _, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.dispatcher, .shiftLead, .auditor, .disposalUnit)
            guard let replica = try await queries.replica(id, logger: context.logger) else {
                throw APIError.notFound("case \(id) is unknown to routing", code: "case_not_found")
            }
            let history = try await queries.assignments(of: id, logger: context.logger)
            if principal.has(.dispatcher) || principal.has(.shiftLead) || principal.has(.auditor) {
                try RoutingProblems.requireScope(principal, for: replica)
            } else {
                let involved = history.contains { principal.actsFor($0.leadUnit) || $0.coUnits.contains(where: principal.actsFor) }
                guard involved else {
                    throw APIError.forbidden("none of your units has been assigned case \(id)")
                }
            }
            let queue = try await queries.queueEntries(of: id, logger: context.logger)
            let current = history.last.flatMap { $0.round == replica.assignmentRound && !$0.status.isFinal ? $0 : nil }
            return try JSONResponse.make(
                CaseAssignmentsView(
                    caseId: id, caseNumber: replica.current.number, state: replica.current.state, current: current,
                    history: history, returnedBy: replica.returnedBy, queued: replica.queued, queue: queue))
        }
    }
}
