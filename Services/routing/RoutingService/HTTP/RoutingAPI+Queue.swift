import Foundation
import GridDomain
import GridRuntime
import Hummingbird
import Logging

extension RoutingAPI {
    /// `/v1/dispatch-queue…`: the command centre's manual-dispatch queue.
    func addQueueRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.get("dispatch-queue") { request, context -> Response in
            let principal = context.principal
            try principal.requireRole(.dispatcher, .shiftLead)
            var reason: ManualDispatchRequiredV1.Reason?
            if let text = request.uri.queryParameters.get("reason") {
                guard let value = ManualDispatchRequiredV1.Reason(rawValue: text) else {
                    let known = ManualDispatchRequiredV1.Reason.allCases.map(\.rawValue).joined(separator: ", ")
                    throw APIError.badRequest("reason must be one of \(known), not '\(text.prefix(40))'", code: "invalid_query")
                }
                reason = value
            }
            let paging = try Paging(request)
            let items = try await queries.openQueue(
                placeScopes: principal.placeScopes, reason: reason, limit: paging.limit, offset: paging.offset,
                logger: context.logger)
            return try JSONResponse.make(QueueListView(cases: items, limit: paging.limit, offset: paging.offset))
        }
        v1.post("dispatch-queue/:caseId/dispatch") { request, context -> Response in
            try await dispatchByHand(request, context)
        }
    }

    /// `POST /v1/dispatch-queue/{caseId}/dispatch`: a dispatcher dispatches a filed or escalated case,
    /// or re-dispatches a returned one, to the units named.
    private func dispatchByHand(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        let id = try Self.caseID(context)
        let principal = context.principal
        try principal.requireRole(.dispatcher)
        let choice = try await request.decode(as: DispatchRequest.self, context: context).validated(units: city.units)
        let store = commands.store
        let logger = context.logger.with(caseID: id.description)
        let (_, workspace) = try await commands.change(id, logger: logger) { workspace, replica, environment in
            try RoutingProblems.requireScope(principal, for: replica)
            try RoutingProblems.requireRoutingPhase(replica)
            let action: CaseAction
            switch replica.current.state {
            case .filed, .escalated: action = .dispatch(lead: choice.lead, coUnits: choice.coUnits)
            case .returned: action = .redispatch(lead: choice.lead, coUnits: choice.coUnits)
            case let state:
                throw APIError.conflict(
                    "case \(id) is \(state.rawValue) (\(state.chineseName)); only filed, returned or escalated cases are dispatched",
                    code: "illegal_transition")
            }
            let queued = replica.queued ? try await store.openQueueEntry(of: id, on: environment.connection, logger: logger) : nil
            let units = ([choice.lead] + choice.coUnits).map(\.rawValue).joined(separator: ", ")
            let details = DispatchDetails(
                assignment: nil,
                explanation: DispatchExplanation(
                    method: .manual, summary: "dispatched by dispatcher \(principal.userID) to \(units)",
                    queueReason: queued?.reason, resolver: queued?.resolver))
            let actor = CaseActor(role: .dispatcher, id: principal.userID, level: principal.centreLevel)
            do throws(LifecycleError) {
                try workspace.take(action, on: id, by: actor, at: workspace.stepTime(for: id, now: environment.now), dispatch: details)
            } catch {
                throw RoutingProblems.refused(error)
            }
        }
        metrics.recordManualDispatch()
        guard let replica = workspace[id] else { throw APIError.internalError(requestID: context.requestID ?? "-") }
        logger.info("dispatched by hand", metadata: ["lead": .string(choice.lead.rawValue)])
        return try JSONResponse.make(StepResultView(workspace, replica: replica))
    }
}
