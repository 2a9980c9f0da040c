import Foundation
public import GridDomain
public import Logging
import PostgresNIO

extension RoutingQueries {
    /// A page of red cards whose case is still in routing's phase and has not moved since the card
    /// (its last sequence is the card's), within `placeScopes`, oldest first.
    public func openRedCards(placeScopes: [String], limit: Int, offset: Int, logger: Logger) async throws -> [SupervisionView] {
        let everywhere = placeScopes.contains("*")
        let patterns = placeScopes.filter { $0 != "*" }.map { $0 + "%" }
        let rows = try await client.query(
            """
            SELECT s.case_id, c.case_number, c.state, c.category, c.urgency, c.grid, c.community, c.street, c.district,
                c.area_class, c.lead_unit, s.stage, s.stage_started_at, s.due_at, s.issued_at, s.escalation::text
            FROM supervision_cards s JOIN cases c ON c.case_id = s.case_id
            WHERE c.last_sequence <= s.as_of_sequence
              AND c.state IN ('filed', 'dispatched', 'in_disposal', 'returned', 'parked', 'rework', 'escalated', 'joint_response')
              AND (\(everywhere) OR c.place LIKE ANY(\(patterns)))
            ORDER BY s.issued_at, s.case_id
            LIMIT \(limit) OFFSET \(offset)
            """,
            logger: logger)
        var views: [SupervisionView] = []
        let decoder = ContractJSON.decoder
        for try await (
            caseID, number, state, category, urgency, grid, community, street, district, areaClass, lead, stage, startedAt, dueAt,
            issuedAt, escalation
        ) in rows.decode(
            (UUID, String, String, String?, String, String?, String?, String?, String?, String?, String?, String, Date, Date, Date,
             String).self)
        {
            views.append(
                SupervisionView(
                    caseId: CaseID(rawValue: caseID), caseNumber: try CaseNumber(number), state: CaseState(rawValue: state) ?? .filed,
                    category: try category.map { try CategoryCode($0) }, urgency: Urgency(rawValue: urgency) ?? .normal,
                    placement: try Self.placement([grid, community, street, district, areaClass]), leadUnit: lead.map(UnitID.init(rawValue:)),
                    stage: CaseStage(rawValue: stage) ?? .dispose, stageStartedAt: startedAt, dueAt: dueAt, issuedAt: issuedAt,
                    escalation: try decoder.decode(EscalationTargetV1.self, from: Data(escalation.utf8))))
        }
        return views
    }
}
