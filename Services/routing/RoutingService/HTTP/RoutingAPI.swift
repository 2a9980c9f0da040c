import Foundation
public import GridDomain
public import GridRuntime
public import Hummingbird

/// Routing's HTTP API, all under `/v1` and authenticated (see `docs/services/routing.md`):
///
/// | method | path | roles |
/// |---|---|---|
/// | GET | `/v1/tasks?status=open&unit=&limit=&offset=` | disposal_unit |
/// | POST | `/v1/tasks/{caseId}/sign-for` | disposal_unit |
/// | POST | `/v1/tasks/{caseId}/disposal` `{note, attachments}` | disposal_unit |
/// | POST | `/v1/tasks/{caseId}/return` `{reason}` | disposal_unit |
/// | GET | `/v1/dispatch-queue?reason=&limit=&offset=` | dispatcher, shift_lead |
/// | POST | `/v1/dispatch-queue/{caseId}/dispatch` `{lead, coUnits}` | dispatcher |
/// | POST | `/v1/tasks/{caseId}/extension-request` `{amount, unit, reason}` | disposal_unit |
/// | POST | `/v1/tasks/{caseId}/park-request` `{reason}` | disposal_unit |
/// | POST | `/v1/tasks/{caseId}/arrival` | disposal_unit (summoned) |
/// | GET | `/v1/summons?limit=&offset=` | disposal_unit (summoned departments) |
/// | GET | `/v1/requests?kind=&limit=&offset=` | shift_lead |
/// | GET | `/v1/supervision?limit=&offset=` | shift_lead, dispatcher |
/// | POST | `/v1/cases/{caseId}/extension/approve` `{amount?, unit?}`, `/extension/deny` `{reason}` | shift_lead |
/// | POST | `/v1/cases/{caseId}/park/approve`, `/park/deny` `{reason}` | shift_lead |
/// | POST | `/v1/cases/{caseId}/resume` | shift_lead, dispatcher |
/// | POST | `/v1/cases/{caseId}/void` `{reason}`, `/whistle` `{units, reason}`, `/duplicate` `{duplicateOf}` | shift_lead |
/// | POST | `/v1/cases/{caseId}/escalate` `{level, reason}` | dispatcher, shift_lead |
/// | GET | `/v1/cases/{caseId}/assignment` | dispatcher, shift_lead, auditor, disposal_unit (its own cases) |
public struct RoutingAPI: Sendable {
    let commands: RoutingCommands
    let queries: RoutingQueries
    let city: RoutingCity
    let metrics: RoutingMetrics

    /// Creates the API.
    public init(commands: RoutingCommands, queries: RoutingQueries, city: RoutingCity, metrics: RoutingMetrics) {
        self.commands = commands
        self.queries = queries
        self.city = city
        self.metrics = metrics
    }

    /// Adds the routes to `router` (after the JWT authenticator).
    public func add(to router: Router<GridRequestContext>) {
        let v1 = router.group("v1", context: AuthenticatedContext.self)
        addTaskRoutes(to: v1)
        addUnitRequestRoutes(to: v1)
        addSummonRoutes(to: v1)
        addQueueRoutes(to: v1)
        addCommandCentreRoutes(to: v1)
        addPendingRequestRoutes(to: v1)
        addSupervisionRoutes(to: v1)
        addAssignmentRoutes(to: v1)
    }

    /// The case id in the path, or 400.
    static func caseID(_ context: AuthenticatedContext) throws -> CaseID {
        CaseID(rawValue: try context.parameters.require("caseId", as: UUID.self))
    }
}
