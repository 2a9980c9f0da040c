import Foundation
public import GridDomain
public import Logging
import PostgresNIO

extension RoutingQueries {
    /// A page of the open manual-dispatch queue, oldest first, limited to cases within `placeScopes`
    /// (place-code prefixes; `*` = everywhere; cases without a place are only seen with `*`).
    public func openQueue(
        placeScopes: [String], reason: ManualDispatchRequiredV1.Reason?, limit: Int, offset: Int, logger: Logger
    ) async throws -> [QueueItemView] {
        let everywhere = placeScopes.contains("*")
        let patterns = placeScopes.filter { $0 != "*" }.map { $0 + "%" }
        let rows = try await client.query(
            """
            SELECT q.case_id, q.as_of_sequence, q.reason, q.explanation, q.candidates, q.since, c.case_number, c.state,
                c.category, c.urgency, c.channel, c.grid, c.community, c.street, c.district, c.area_class, c.returned_by
            FROM dispatch_queue q JOIN cases c ON c.case_id = q.case_id
            WHERE q.resolved_at IS NULL
              AND (\(everywhere) OR c.place LIKE ANY(\(patterns)))
              AND (\(reason?.rawValue)::text IS NULL OR q.reason = \(reason?.rawValue))
            ORDER BY q.since, q.case_id
            LIMIT \(limit) OFFSET \(offset)
            """,
            logger: logger)
        var items: [QueueItemView] = []
        for try await (
            caseID, sequence, reason, explanation, candidates, since, number, state, category, urgency, channel, grid, community,
            street, district, areaClass, returnedBy
        ) in rows.decode(
            (UUID, Int, String, String, [String], Date, String, String, String?, String, String, String?, String?, String?,
             String?, String?, [String]).self)
        {
            items.append(
                QueueItemView(
                    caseId: CaseID(rawValue: caseID), caseNumber: try CaseNumber(number),
                    state: CaseState(rawValue: state) ?? .filed, category: try category.map { try CategoryCode($0) },
                    urgency: Urgency(rawValue: urgency) ?? .normal, channel: CaseChannel(rawValue: channel) ?? .supervisor,
                    placement: try Self.placement([grid, community, street, district, areaClass]),
                    reason: ManualDispatchRequiredV1.Reason(rawValue: reason) ?? .noResponsibleUnit, explanation: explanation,
                    candidates: candidates.map(UnitID.init(rawValue:)), returnedBy: returnedBy.map(UnitID.init(rawValue:)),
                    since: since, asOfSequence: sequence))
        }
        return items
    }

    /// Every queue entry of a case (open and settled), oldest first.
    public func queueEntries(of id: CaseID, logger: Logger) async throws -> [QueueEntryView] {
        let rows = try await client.query(
            """
            SELECT as_of_sequence, reason, explanation, resolver::text, candidates, since, resolved_at, resolved_by, resolved_step
            FROM dispatch_queue WHERE case_id = \(id.rawValue) ORDER BY as_of_sequence
            """,
            logger: logger)
        var entries: [QueueEntryView] = []
        let decoder = ContractJSON.decoder
        for try await (sequence, reason, explanation, resolver, candidates, since, resolvedAt, resolvedBy, resolvedStep) in rows.decode(
            (Int, String, String, String?, [String], Date, Date?, String?, String?).self)
        {
            entries.append(
                QueueEntryView(
                    asOfSequence: sequence, reason: ManualDispatchRequiredV1.Reason(rawValue: reason) ?? .noResponsibleUnit,
                    explanation: explanation,
                    resolver: try resolver.map { try decoder.decode(ResolverExplanation.self, from: Data($0.utf8)) },
                    candidates: candidates.map(UnitID.init(rawValue:)), since: since, resolvedAt: resolvedAt, resolvedBy: resolvedBy,
                    resolvedStep: resolvedStep.flatMap(CaseAction.Kind.init(rawValue:))))
        }
        return entries
    }

    /// Every assignment of a case, first round first.
    public func assignments(of id: CaseID, logger: Logger) async throws -> [AssignmentView] {
        let rows = try await client.query(
            """
            SELECT round, dispatch_sequence, lead_unit, co_units, dispatched_by, dispatched_at, rule_id, list_version, tier,
                escalation, explanation::text, status, clock_started_at, signed_at, disposed_at, returned_at, return_reason
            FROM assignments WHERE case_id = \(id.rawValue) ORDER BY round
            """,
            logger: logger)
        var views: [AssignmentView] = []
        let decoder = ContractJSON.decoder
        for try await (
            round, sequence, lead, coUnits, dispatchedBy, dispatchedAt, ruleID, listVersion, tier, escalation, explanation, status,
            clockStartedAt, signedAt, disposedAt, returnedAt, returnReason
        ) in rows.decode(
            (Int, Int, String, [String], String, Date, String?, String?, String?, [String], String?, String, Date, Date?, Date?,
             Date?, String?).self)
        {
            views.append(
                AssignmentView(
                    round: round, dispatchSequence: sequence, leadUnit: UnitID(lead), coUnits: coUnits.map(UnitID.init(rawValue:)),
                    dispatchedBy: dispatchedBy, dispatchedAt: dispatchedAt, ruleId: ruleID, listVersion: listVersion,
                    tier: tier.flatMap(GovernanceLevel.init(rawValue:)), escalation: escalation.map(UnitID.init(rawValue:)),
                    explanation: try explanation.map { try decoder.decode(DispatchExplanation.self, from: Data($0.utf8)) },
                    status: TaskStatus(rawValue: status) ?? .dispatched, clockStartedAt: clockStartedAt, signedForAt: signedAt,
                    disposedAt: disposedAt, returnedAt: returnedAt, returnReason: returnReason))
        }
        return views
    }

    static func placement(_ columns: [String?]) throws -> CasePlacementV1 {
        CasePlacementV1(
            grid: try columns[0].map { try PlaceCode($0, level: .grid) },
            community: try columns[1].map { try PlaceCode($0, level: .community) },
            street: try columns[2].map { try PlaceCode($0, level: .street) },
            district: try columns[3].map { try PlaceCode($0, level: .district) },
            areaClass: columns[4].map(AreaClass.init(rawValue:)))
    }
}
