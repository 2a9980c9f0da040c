import Foundation
import GridDomain
import GridRuntime
import Hummingbird

/// Intake's HTTP API, under `/v1`, every route authenticated (see `docs/services/intake.md`).
///
/// | method | path | roles |
/// |---|---|---|
/// | POST | `/v1/reports` | supervisor, grid_worker, citizen, hotline_agent, operator |
/// | GET | `/v1/cases` | staff (scoped), citizen (own reports) |
/// | GET | `/v1/cases/{id}` | staff (scoped), citizen (own reports) |
/// | POST | `/v1/cases/{id}/verification` | supervisor, grid_worker |
/// | POST | `/v1/cases/{id}/file`, `/not-file`, `/duplicate` | operator, shift_lead |
/// | POST | `/v1/cases/{id}/self-disposal` | grid_worker |
/// | POST | `/v1/cases/{id}/check` | supervisor, grid_worker |
/// | POST | `/v1/cases/{id}/callback` | hotline_agent, operator |
/// | POST | `/v1/cases/{id}/close` | shift_lead |
struct IntakeRoutes: Sendable {
    let desk: IntakeDesk
    let catalog: CategoryCatalog
    let pageSizeLimit: Int

    func add(to router: Router<GridRequestContext>) {
        let v1 = router.group("v1", context: AuthenticatedContext.self)
        v1.post("reports", use: submitReport)
        v1.get("cases", use: listCases)
        v1.get("cases/:id", use: getCase)
        v1.post("cases/:id/verification") { request, context in
            let body = try await request.decode(as: VerificationRequest.self, context: context)
            var problems = RequestProblems("verification")
            problems.checkNote("note", body.note, required: false)
            try problems.finish()
            return try await step(context, roles: [.supervisor, .gridWorker]) { _ throws(APIError) in
                .reportVerification(confirmed: body.confirmed, note: body.note)
            }
        }
        v1.post("cases/:id/file") { request, context in
            let action = try await request.decode(as: FileRequest.self, context: context).action(catalog: catalog)
            return try await step(context, roles: [.intakeOperator, .shiftLead]) { _ throws(APIError) in action }
        }
        v1.post("cases/:id/not-file") { request, context in
            let body = try await request.decode(as: NotFileRequest.self, context: context)
            var problems = RequestProblems("not-file")
            problems.checkNote("note", body.note, required: false)
            try problems.finish()
            return try await step(context, roles: [.intakeOperator, .shiftLead]) { _ throws(APIError) in
                .notFile(reason: body.reason, note: body.note)
            }
        }
        v1.post("cases/:id/duplicate") { request, context in
            let body = try await request.decode(as: DuplicateRequest.self, context: context)
            guard try await desk.exists(body.duplicateOf) else {
                throw APIError.unprocessable("duplicateOf: no case \(body.duplicateOf)", code: "validation_failed")
            }
            return try await step(context, roles: [.intakeOperator, .shiftLead]) { _ throws(APIError) in
                .markDuplicate(of: body.duplicateOf)
            }
        }
        v1.post("cases/:id/self-disposal") { request, context in
            let action = try await request.decode(as: SelfDisposalRequest.self, context: context).action()
            return try await step(context, roles: [.gridWorker]) { _ throws(APIError) in action }
        }
        v1.post("cases/:id/check") { request, context in
            let action = try await request.decode(as: CheckRequest.self, context: context).action()
            return try await step(context, roles: [.supervisor, .gridWorker]) { _ throws(APIError) in action }
        }
        v1.post("cases/:id/callback") { request, context in
            let body = try await request.decode(as: CallbackRequest.self, context: context)
            var problems = RequestProblems("call-back")
            problems.checkNote("note", body.note, required: false)
            try problems.finish()
            return try await step(context, roles: [.hotlineAgent, .intakeOperator]) { _ throws(APIError) in
                .recordCallback(satisfaction: body.satisfaction, note: body.note)
            }
        }
        v1.post("cases/:id/close") { _, context in
            try await step(context, roles: [.shiftLead]) { _ throws(APIError) in .close }
        }
    }

    @Sendable func submitReport(_ request: Request, context: AuthenticatedContext) async throws -> ContractJSONResponse<CaseView> {
        let body = try await request.decode(as: ReportRequest.self, context: context)
        let validated = try body.validated(by: context.principal, catalog: catalog, at: Timestamps.now())
        let stored = try await desk.openReport(validated)
        let view = try await desk.view(stored.replica.id, for: context.principal)
        return ContractJSONResponse(status: .created, value: view)
    }

    @Sendable func getCase(_ request: Request, context: AuthenticatedContext) async throws -> ContractJSONResponse<CaseView> {
        let id = CaseID(rawValue: try context.parameters.require("id", as: UUID.self))
        return ContractJSONResponse(value: try await desk.view(id, for: context.principal))
    }

    @Sendable func listCases(_ request: Request, context: AuthenticatedContext) async throws -> ContractJSONResponse<CasePage> {
        let filter = try CaseListQuery(request.uri.queryParameters, principal: context.principal, pageSizeLimit: pageSizeLimit).filter
        let page = try await desk.list(filter)
        let next = page.count == filter.limit ? page.last.map { CaseListCursor(openedAt: $0.openedAt, id: $0.id.rawValue).description } : nil
        return ContractJSONResponse(value: CasePage(cases: page, nextCursor: next))
    }

    /// Takes a step on the case named in the path and answers the case after it.
    private func step(
        _ context: AuthenticatedContext, roles: [ActorRole], action: @escaping @Sendable (StoredCase) throws(APIError) -> CaseAction
    ) async throws -> ContractJSONResponse<CaseView> {
        let id = CaseID(rawValue: try context.parameters.require("id", as: UUID.self))
        _ = try await desk.takeStep(on: id, by: context.principal, roles: roles, action: action)
        return ContractJSONResponse(value: try await desk.view(id, for: context.principal))
    }
}
