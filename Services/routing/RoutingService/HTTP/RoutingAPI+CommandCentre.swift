import Foundation
import GridDomain
import GridRuntime
import Hummingbird

extension RoutingAPI {
    /// The command centre's decisions on cases in its phase (shift lead 值班长, dispatcher 派遣员):
    /// extension and parking decisions, resume, void, escalate, blow the whistle, mark a duplicate.
    func addCommandCentreRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.post("cases/:caseId/extension/approve") { request, context -> Response in
            let granted = try await Self.optionalBody(ExtensionApprovalBody.self, request, context)?.validated()
            return try await centreStep(context, roles: [.shiftLead]) { _ in .approveExtension(granted: granted) }
        }
        v1.post("cases/:caseId/extension/deny") { request, context -> Response in
            let reason = try await request.decode(as: ReasonRequest.self, context: context).validated("the denial")
            return try await centreStep(context, roles: [.shiftLead]) { _ in .denyExtension(reason: reason) }
        }
        v1.post("cases/:caseId/park/approve") { _, context -> Response in
            try await centreStep(context, roles: [.shiftLead]) { _ in .approvePark }
        }
        v1.post("cases/:caseId/park/deny") { request, context -> Response in
            let reason = try await request.decode(as: ReasonRequest.self, context: context).validated("the denial")
            return try await centreStep(context, roles: [.shiftLead]) { _ in .denyPark(reason: reason) }
        }
        v1.post("cases/:caseId/resume") { _, context -> Response in
            try await centreStep(context, roles: [.shiftLead, .dispatcher]) { _ in .resume }
        }
        v1.post("cases/:caseId/void") { request, context -> Response in
            let reason = try await request.decode(as: ReasonRequest.self, context: context).validated("the void")
            return try await centreStep(context, roles: [.shiftLead]) { _ in .void(reason: reason) }
        }
        v1.post("cases/:caseId/escalate") { request, context -> Response in
            let body = try await request.decode(as: EscalationBody.self, context: context).validated()
            return try await centreStep(context, roles: [.dispatcher, .shiftLead]) { _ in .escalate(to: body.level, reason: body.reason) }
        }
        v1.post("cases/:caseId/whistle") { request, context -> Response in
            let body = try await request.decode(as: WhistleBody.self, context: context).validated(units: city.units)
            return try await centreStep(context, roles: [.shiftLead]) { _ in .blowWhistle(units: body.units, reason: body.reason) }
        }
        v1.post("cases/:caseId/duplicate") { request, context -> Response in
            let original = try await request.decode(as: DuplicateBody.self, context: context).validated()
            return try await centreStep(context, roles: [.shiftLead]) { _ in .markDuplicate(of: original) }
        }
    }

    /// A step by the command centre: the principal must hold one of `roles` (it acts in the first it
    /// holds, at the level of its widest place scope) and see the case's place.
    private func centreStep(
        _ context: AuthenticatedContext, roles: [Role], _ action: @escaping @Sendable (CaseReplica) throws -> CaseAction
    ) async throws -> Response {
        let id = try Self.caseID(context)
        let principal = context.principal
        try principal.requireRole(anyOf: roles)
        guard let role = roles.first(where: principal.has), let actorRole = ActorRole(rawValue: role.rawValue) else {
            throw APIError.forbidden("this action requires the role \(roles.map(\.rawValue).joined(separator: " or "))")
        }
        return try await takeStep(on: id, context) { replica in
            try RoutingProblems.requireScope(principal, for: replica)
            return (try action(replica), CaseActor(role: actorRole, id: principal.userID, level: principal.centreLevel))
        }
    }

    /// Decodes a JSON body when there is one; `nil` for an empty body.
    static func optionalBody<Body: Decodable>(
        _ type: Body.Type, _ request: Request, _ context: AuthenticatedContext
    ) async throws -> Body? {
        var request = request
        let buffer = try await request.collectBody(upTo: context.maxUploadSize)
        guard buffer.readableBytes > 0 else { return nil }
        return try JSONDecoder().decode(Body.self, from: Data(buffer.readableBytesView))
    }
}

extension RoutingAPI {
    /// `GET /v1/requests?kind=extension|park`: requests waiting for a shift lead within its place scope.
    func addPendingRequestRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.get("requests") { request, context -> Response in
            let principal = context.principal
            try principal.requireRole(.shiftLead)
            let kind: String? = request.uri.queryParameters.get("kind").map { String($0) }
            if let kind, kind != "extension", kind != "park" {
                throw APIError.badRequest("kind must be extension or park, not '\(kind.prefix(40))'", code: "invalid_query")
            }
            let paging = try Paging(request)
            let replicas = try await queries.pendingRequests(
                kind: kind, placeScopes: principal.placeScopes, limit: paging.limit, offset: paging.offset, logger: context.logger)
            return try JSONResponse.make(
                PendingRequestListView(requests: replicas.compactMap(PendingRequestView.init), limit: paging.limit, offset: paging.offset))
        }
    }
}

extension RoutingAPI {
    /// `GET /v1/supervision`: red cards (督办) on cases in the command centre's phase that have not moved
    /// since, within the principal's place scope.
    func addSupervisionRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.get("supervision") { request, context -> Response in
            let principal = context.principal
            try principal.requireRole(.shiftLead, .dispatcher)
            let paging = try Paging(request)
            let cards = try await queries.openRedCards(
                placeScopes: principal.placeScopes, limit: paging.limit, offset: paging.offset, logger: context.logger)
            return try JSONResponse.make(SupervisionListView(cards: cards, limit: paging.limit, offset: paging.offset))
        }
    }
}
