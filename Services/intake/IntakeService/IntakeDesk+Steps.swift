import Foundation
import GridDomain
import GridRuntime
import Logging
import PostgresNIO

extension IntakeDesk {
    /// Takes a step a person asked for through the API, then the automatic steps that follow it, in
    /// one transaction with the case locked.
    /// - Parameters:
    ///   - id: The case.
    ///   - principal: The caller; must see the case.
    ///   - roles: The lifecycle roles the step may be taken in; the caller acts in the first one they hold.
    ///   - action: Builds the step from the stored case (may refuse with an ``APIError``).
    /// - Returns: The case after the steps.
    /// - Throws: ``APIError``: 404 unknown case, 403 out of scope or role, 409 when the case is in
    ///   routing's phase (naming it) or finished, or the lifecycle refuses the step.
    func takeStep(
        on id: CaseID, by principal: Principal, roles: [ActorRole],
        action: @Sendable (StoredCase) throws(APIError) -> CaseAction
    ) async throws -> StoredCase {
        try await transaction { transaction in
            guard var stored = try await cases.lock([id], on: transaction.connection, logger: logger)[id] else {
                throw APIError.notFound("no case \(id)", code: "case_not_found")
            }
            try CaseAccess.requireView(stored, principal: principal)
            try Self.requireIntakePhase(stored.replica)
            guard let role = roles.first(where: { principal.has(Role($0.rawValue)) }) else {
                throw APIError.forbidden(
                    "this step requires the role \(roles.map(\.rawValue).joined(separator: " or ")); your roles: "
                        + principal.roles.sorted().map(\.rawValue).joined(separator: ", "))
            }
            let step = try action(stored)
            let progress: CaseWorkflow.Progress
            do {
                progress = try workflow.take(
                    step, by: CaseActor(role: role, id: principal.userID), on: stored.replica, placement: stored.placement,
                    at: Timestamps.now())
            } catch let error as LifecycleError {
                throw Self.apiError(for: error)
            }
            stored.replica = progress.replica
            try await ReplicaWriter().write(
                [stored], timeline: progress.events.map(TimelineEntry.init), on: transaction.connection, logger: logger)
            try await enqueue(progress.events, in: transaction)
            logger.with(caseID: id.description).info(
                "step taken",
                metadata: [
                    "step": "\(step.kind.rawValue)", "role": "\(role.rawValue)", "state": "\(stored.replica.state.rawValue)",
                    "events": "\(progress.events.count)",
                ])
            return stored
        }
    }

    /// Requires the case to be in a state intake owns.
    /// - Throws: 409 `owned_by_routing` naming the owner, or 409 `case_finished`.
    static func requireIntakePhase(_ replica: Case) throws(APIError) {
        switch ContractPhaseOwner.owner(of: replica.state) {
        case .intake:
            return
        case .routing:
            throw .conflict(
                "case \(replica.number) is \(replica.state.rawValue) (\(replica.state.chineseName)), in the command centre's phase: "
                    + "the routing service owns its next steps", code: "owned_by_routing")
        case nil:
            throw .conflict(
                "case \(replica.number) is finished (\(replica.state.rawValue), \(replica.state.chineseName))", code: "case_finished")
        }
    }

    /// The API form of a refused step.
    static func apiError(for error: LifecycleError) -> APIError {
        switch error.code {
        case .roleNotAllowed, .reporterNotAllowed: .forbidden(error.description)
        case .guardFailed: .unprocessable(error.description, code: "step_not_allowed")
        default: .conflict(error.description, code: "illegal_step")
        }
    }

    /// The case with its reporter (when the caller may see personal data) and timeline.
    /// - Throws: ``APIError`` 404 / 403.
    func view(_ id: CaseID, for principal: Principal) async throws -> CaseView {
        try await client.withConnection { connection in
            guard let stored = try await cases.find(id, on: connection, logger: logger) else {
                throw APIError.notFound("no case \(id)", code: "case_not_found")
            }
            try CaseAccess.requireView(stored, principal: principal)
            let showPersonalData = CaseAccess.seesPersonalData(principal)
            let reporter = showPersonalData ? try await reporters.find(id, on: connection, logger: logger) : nil
            let entries = try await timeline.entries(of: id, on: connection, logger: logger)
            return CaseView(stored: stored, reporter: reporter, timeline: entries, showPersonalData: showPersonalData)
        }
    }

    /// A page of cases.
    func list(_ filter: CaseListFilter) async throws -> [CaseSummary] {
        try await client.withConnection { connection in
            try await queries.list(filter, on: connection, logger: logger)
        }
    }
}
