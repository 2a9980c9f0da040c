import Foundation
import GridDomain
import GridRuntime
import Hummingbird
import Logging

extension RoutingAPI {
    /// `/v1/tasks…`: a disposal unit's task list and the steps it takes on its tasks.
    func addTaskRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.get("tasks") { request, context -> Response in
            try await listTasks(request, context)
        }
        v1.post("tasks/:caseId/sign-for") { _, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            return try await takeStep(on: id, context) { replica in
                let unit = try RoutingProblems.actingUnit(principal, on: replica)
                return (.signFor, CaseActor(role: .disposalUnit, id: principal.userID, unit: unit))
            }
        }
        v1.post("tasks/:caseId/disposal") { request, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            let report = try await request.decode(as: DisposalRequest.self, context: context).validated()
            return try await takeStep(on: id, context) { replica in
                let unit = try RoutingProblems.actingUnit(principal, on: replica, summonedToo: true)
                return (
                    .reportDisposal(note: report.note, attachments: report.attachments),
                    CaseActor(role: .disposalUnit, id: principal.userID, unit: unit)
                )
            }
        }
        v1.post("tasks/:caseId/return") { request, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            let reason = try await request.decode(as: ReasonRequest.self, context: context).validated("the return")
            return try await takeStep(on: id, context) { replica in
                let unit = try RoutingProblems.actingUnit(principal, on: replica)
                return (.returnToDispatcher(reason: reason), CaseActor(role: .disposalUnit, id: principal.userID, unit: unit))
            }
        }
    }

    /// `GET /v1/tasks`: the principal's units' tasks (`status` `open` (default), `awaiting_sign_for`,
    /// `in_disposal`, `parked` or `joint_response`; `unit` narrows to one of the principal's units).
    private func listTasks(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let principal = context.principal
        try principal.requireRole(.disposalUnit)
        let parameters = request.uri.queryParameters
        var units = principal.units.sorted()
        if let text = parameters.get("unit") {
            let unit = UnitID(text)
            try principal.requireUnit(unit)
            units = [unit]
        }
        guard !units.isEmpty else {
            throw APIError.forbidden("your token names no unit you act for (claim 'units')")
        }
        let statuses: [TaskStatus]
        switch parameters.get("status") ?? "open" {
        case "open": statuses = TaskStatus.open
        case "awaiting_sign_for": statuses = TaskStatus.awaitingSignFor
        case "in_disposal": statuses = [.inDisposal]
        case "parked": statuses = [.parked]
        case "joint_response": statuses = [.jointResponse]
        case let other:
            throw APIError.badRequest(
                "status must be open, awaiting_sign_for, in_disposal, parked or joint_response, not '\(other.prefix(40))'",
                code: "invalid_query")
        }
        let paging = try Paging(request)
        let rows = try await queries.tasks(
            leadUnits: units, statuses: statuses, limit: paging.limit, offset: paging.offset, logger: context.logger)
        let views = rows.map { TaskView(replica: $0.replica, task: $0.task, deadlines: city.deadlines) }
        return try JSONResponse.make(TaskListView(tasks: views, limit: paging.limit, offset: paging.offset))
    }

    /// Takes one step on a case routing owns, chosen by `decide` from the locked replica (which also
    /// checks the principal's unit or place scope), and answers with the steps taken (a return may be
    /// followed by routing's re-dispatch) and the case's state.
    func takeStep(
        on id: CaseID, _ context: AuthenticatedContext,
        _ decide: @escaping @Sendable (CaseReplica) throws -> (CaseAction, CaseActor)
    ) async throws -> Response {
        let logger = context.logger.with(caseID: id.description)
        let (kind, workspace) = try await commands.change(id, logger: logger) { workspace, replica, environment in
            try RoutingProblems.requireRoutingPhase(replica)
            let (action, actor) = try decide(replica)
            do throws(LifecycleError) {
                try workspace.take(action, on: id, by: actor, at: workspace.stepTime(for: id, now: environment.now))
            } catch {
                throw RoutingProblems.refused(error)
            }
            return action.kind
        }
        metrics.recordStep(kind)
        guard let replica = workspace[id] else { throw APIError.internalError(requestID: context.requestID ?? "-") }
        logger.info("step taken", metadata: ["step": .string(kind.rawValue), "state": .string(replica.current.state.rawValue)])
        return try JSONResponse.make(StepResultView(workspace, replica: replica))
    }
}
