import PostgresNIO

extension RoutingStore {
    static func upsertCases(_ rows: String) -> PostgresQuery {
        """
        INSERT INTO cases (
            case_id, case_number, state, last_sequence, category, urgency, channel, grid, community, street, district,
            area_class, place, lead_unit, co_units, assignment_round, task_status, queued, pending_request, returned_by, summoned_units, reported_at,
            opened_at, updated_at, replica)
        SELECT r.case_id, r.case_number, r.state, r.last_sequence, r.category, r.urgency, r.channel, r.grid, r.community,
            r.street, r.district, r.area_class, r.place, r.lead_unit, r.co_units, r.assignment_round, r.task_status,
            r.queued, r.pending_request, r.returned_by, r.summoned_units, r.reported_at, r.opened_at, r.updated_at, r.replica
        FROM json_to_recordset(\(rows)::json) AS r(
            case_id uuid, case_number text, state text, last_sequence integer, category text, urgency text, channel text,
            grid text, community text, street text, district text, area_class text, place text, lead_unit text,
            co_units text[], assignment_round integer, task_status text, queued boolean, pending_request text, returned_by text[], summoned_units text[],
            reported_at timestamptz, opened_at timestamptz, updated_at timestamptz, replica json)
        ON CONFLICT (case_id) DO UPDATE SET
            state = EXCLUDED.state, last_sequence = EXCLUDED.last_sequence, category = EXCLUDED.category,
            urgency = EXCLUDED.urgency, lead_unit = EXCLUDED.lead_unit, co_units = EXCLUDED.co_units,
            assignment_round = EXCLUDED.assignment_round, task_status = EXCLUDED.task_status, queued = EXCLUDED.queued,
            pending_request = EXCLUDED.pending_request,
            returned_by = EXCLUDED.returned_by, summoned_units = EXCLUDED.summoned_units, updated_at = EXCLUDED.updated_at, replica = EXCLUDED.replica
        """
    }

    static func insertAssignments(_ rows: String) -> PostgresQuery {
        """
        INSERT INTO assignments (
            case_id, round, dispatch_sequence, lead_unit, co_units, dispatched_by, dispatched_at, rule_id, list_version,
            tier, escalation, explanation, status, clock_started_at, signed_at, disposed_at, returned_at, return_reason)
        SELECT r.case_id, r.round, r.dispatch_sequence, r.lead_unit, r.co_units, r.dispatched_by, r.dispatched_at,
            r.rule_id, r.list_version, r.tier, r.escalation, r.explanation, r.status, r.clock_started_at, r.signed_at,
            r.disposed_at, r.returned_at, r.return_reason
        FROM json_to_recordset(\(rows)::json) AS r(
            case_id uuid, round integer, dispatch_sequence integer, lead_unit text, co_units text[], dispatched_by text,
            dispatched_at timestamptz, rule_id text, list_version text, tier text, escalation text[], explanation json,
            status text, clock_started_at timestamptz, signed_at timestamptz, disposed_at timestamptz,
            returned_at timestamptz, return_reason text)
        """
    }

    static func updateAssignments(_ rows: String) -> PostgresQuery {
        """
        UPDATE assignments AS a SET
            status = coalesce(r.status, a.status),
            clock_started_at = coalesce(r.clock_started_at, a.clock_started_at),
            signed_at = coalesce(r.signed_at, a.signed_at),
            disposed_at = coalesce(r.disposed_at, a.disposed_at),
            returned_at = coalesce(r.returned_at, a.returned_at),
            return_reason = coalesce(r.return_reason, a.return_reason)
        FROM json_to_recordset(\(rows)::json) AS r(
            case_id uuid, round integer, status text, clock_started_at timestamptz, signed_at timestamptz,
            disposed_at timestamptz, returned_at timestamptz, return_reason text)
        WHERE a.case_id = r.case_id AND a.round = r.round
        """
    }

    static func settleQueueEntries(_ rows: String) -> PostgresQuery {
        """
        UPDATE dispatch_queue AS q SET resolved_at = r.at, resolved_by = r.by, resolved_step = r.step
        FROM json_to_recordset(\(rows)::json) AS r(case_id uuid, at timestamptz, by text, step text)
        WHERE q.case_id = r.case_id AND q.resolved_at IS NULL
        """
    }

    static func insertQueueEntries(_ rows: String) -> PostgresQuery {
        """
        INSERT INTO dispatch_queue (
            case_id, as_of_sequence, reason, explanation, resolver, candidates, since, resolved_at, resolved_by, resolved_step)
        SELECT r.case_id, r.as_of_sequence, r.reason, r.explanation, r.resolver, r.candidates, r.since, r.resolved_at,
            r.resolved_by, r.resolved_step
        FROM json_to_recordset(\(rows)::json) AS r(
            case_id uuid, as_of_sequence integer, reason text, explanation text, resolver jsonb, candidates text[],
            since timestamptz, resolved_at timestamptz, resolved_by text, resolved_step text)
        ON CONFLICT (case_id, as_of_sequence) DO NOTHING
        """
    }

    static func insertRedCards(_ rows: String) -> PostgresQuery {
        """
        INSERT INTO supervision_cards (case_id, stage, stage_started_at, due_at, issued_at, as_of_sequence, escalation)
        SELECT r.case_id, r.stage, r.stage_started_at, r.due_at, r.issued_at, r.as_of_sequence, r.escalation
        FROM json_to_recordset(\(rows)::json) AS r(
            case_id uuid, stage text, stage_started_at timestamptz, due_at timestamptz, issued_at timestamptz,
            as_of_sequence integer, escalation json)
        ON CONFLICT (case_id, stage, stage_started_at) DO NOTHING
        """
    }
}
