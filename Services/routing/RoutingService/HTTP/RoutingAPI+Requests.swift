import Foundation
import GridDomain
import GridRuntime
import Hummingbird

extension RoutingAPI {
    /// A disposal unit's requests on its tasks: extension (延期), parking (挂账), arrival at a joint response (报到).
    func addUnitRequestRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.post("tasks/:caseId/extension-request") { request, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            let body = try await request.decode(as: ExtensionRequestBody.self, context: context).validated()
            return try await takeStep(on: id, context) { replica in
                let unit = try RoutingProblems.actingUnit(principal, on: replica)
                return (.requestExtension(body.limit, reason: body.reason), CaseActor(role: .disposalUnit, id: principal.userID, unit: unit))
            }
        }
        v1.post("tasks/:caseId/park-request") { request, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            let reason = try await request.decode(as: ReasonRequest.self, context: context).validated("the parking request")
            return try await takeStep(on: id, context) { replica in
                let unit = try RoutingProblems.actingUnit(principal, on: replica)
                return (.requestPark(reason: reason), CaseActor(role: .disposalUnit, id: principal.userID, unit: unit))
            }
        }
        v1.post("tasks/:caseId/arrival") { _, context -> Response in
            let id = try Self.caseID(context)
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            return try await takeStep(on: id, context) { replica in
                let waiting = replica.current.jointResponse.map { response in
                    response.summoned.filter { response.arrivals[$0] == nil }
                } ?? []
                guard let unit = waiting.first(where: principal.actsFor) else {
                    throw APIError.forbidden("none of your units is a summoned department of case \(replica.id) that has yet to report")
                }
                return (.reportArrival, CaseActor(role: .disposalUnit, id: principal.userID, unit: unit))
            }
        }
    }
}

extension RoutingAPI {
    /// `GET /v1/summons`: the joint responses (吹哨报到) the principal's units were summoned to.
    func addSummonRoutes(to v1: RouterGroup<AuthenticatedContext>) {
        v1.get("summons") { request, context -> Response in
            let principal = context.principal
            try principal.requireRole(.disposalUnit)
            guard !principal.units.isEmpty else {
                throw APIError.forbidden("your token names no unit you act for (claim 'units')")
            }
            let paging = try Paging(request)
            let replicas = try await queries.summons(
                of: principal.units.sorted(), limit: paging.limit, offset: paging.offset, logger: context.logger)
            return try JSONResponse.make(
                SummonListView(summons: replicas.compactMap(SummonView.init), limit: paging.limit, offset: paging.offset))
        }
    }
}
