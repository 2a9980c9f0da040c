/// The SQL of routing's schema, one entry per forward-only migration (see `Migrations.swift`).
///
/// Tables (all in the service's schema, `routing` by default):
/// - `cases`: routing's replica of every case it has seen: the lifecycle's case as JSON (`replica`)
///   plus the columns it is looked up by, and routing's bookkeeping (current assignment round and task
///   status, whether it waits in the queue, the units that returned it).
/// - `assignments`: every assignment (task) of a case: lead and co-units, the 权责清单 rule, list
///   version, tier and escalation chain, the explanation as JSON, and the task's times and status.
/// - `dispatch_queue`: cases waiting for a dispatcher (command-centre queue), with reason,
///   explanation, candidates, and how each entry was settled.
/// - `supervision_cards`: red cards (督办) the SLA monitor issued on cases in routing's phase.
public enum RoutingSchema {
    /// Version 1: cases, assignments, dispatch queue.
    static let version1 = """
        -- Routing's replica of each case it has seen, rebuilt from gridloop.case.lifecycle with CaseReplay.
        -- The case itself is the JSON in `replica` (never queried inside); the columns serve lookups.
        CREATE TABLE cases (
            case_id uuid PRIMARY KEY,
            case_number text NOT NULL,
            state text NOT NULL,
            last_sequence integer NOT NULL,
            category text,
            urgency text NOT NULL,
            channel text NOT NULL,
            grid text,
            community text,
            street text,
            district text,
            area_class text,
            -- the most precise place known (grid, community, street or district), for place scopes
            place text,
            lead_unit text,
            co_units text[] NOT NULL DEFAULT '{}',
            -- number of assignments so far; the current one is (case_id, assignment_round)
            assignment_round integer NOT NULL DEFAULT 0,
            task_status text,
            -- true while an open dispatch_queue entry exists
            queued boolean NOT NULL DEFAULT false,
            -- 'extension' or 'park' while the lead unit's request waits for the shift lead
            pending_request text,
            -- units that returned the case (excluded when re-dispatching)
            returned_by text[] NOT NULL DEFAULT '{}',
            -- departments summoned to a joint response (吹哨报到), while the case is in joint_response
            summoned_units text[] NOT NULL DEFAULT '{}',
            reported_at timestamptz NOT NULL,
            opened_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            replica json NOT NULL
        );
        -- Requests waiting for a shift lead, oldest first.
        CREATE INDEX cases_pending_requests ON cases (updated_at, case_id) WHERE pending_request IS NOT NULL;
        -- Joint responses a department was summoned to.
        CREATE INDEX cases_summoned_units ON cases USING gin (summoned_units) WHERE state = 'joint_response';

        -- One row per dispatch or re-dispatch of a case: a disposal unit's task.
        CREATE TABLE assignments (
            case_id uuid NOT NULL REFERENCES cases (case_id),
            round integer NOT NULL CHECK (round >= 1),
            dispatch_sequence integer NOT NULL,
            lead_unit text NOT NULL,
            co_units text[] NOT NULL,
            dispatched_by text NOT NULL,
            dispatched_at timestamptz NOT NULL,
            rule_id text,
            list_version text,
            tier text,
            escalation text[] NOT NULL DEFAULT '{}',
            explanation json,
            status text NOT NULL,
            clock_started_at timestamptz NOT NULL,
            signed_at timestamptz,
            disposed_at timestamptz,
            returned_at timestamptz,
            return_reason text,
            PRIMARY KEY (case_id, round)
        );
        -- A unit's open tasks, oldest first.
        CREATE INDEX assignments_open_by_unit ON assignments (lead_unit, dispatched_at, case_id)
            WHERE status IN ('dispatched', 'in_disposal', 'parked', 'joint_response', 'rework');

        -- The command centre's manual-dispatch queue: never dropped, settled by the step that moves the case on.
        CREATE TABLE dispatch_queue (
            case_id uuid NOT NULL REFERENCES cases (case_id),
            as_of_sequence integer NOT NULL,
            reason text NOT NULL,
            explanation text NOT NULL,
            resolver jsonb,
            candidates text[] NOT NULL,
            since timestamptz NOT NULL,
            resolved_at timestamptz,
            resolved_by text,
            resolved_step text,
            PRIMARY KEY (case_id, as_of_sequence)
        );
        CREATE INDEX dispatch_queue_open ON dispatch_queue (since, case_id) WHERE resolved_at IS NULL;

        -- Red cards (督办) of cases in routing's phase, from sla-monitor; open while the case has not moved since.
        CREATE TABLE supervision_cards (
            case_id uuid NOT NULL REFERENCES cases (case_id),
            stage text NOT NULL,
            stage_started_at timestamptz NOT NULL,
            due_at timestamptz NOT NULL,
            issued_at timestamptz NOT NULL,
            as_of_sequence integer NOT NULL,
            escalation json NOT NULL,
            PRIMARY KEY (case_id, stage, stage_started_at)
        );
        CREATE INDEX supervision_cards_issued ON supervision_cards (issued_at, case_id);
        """
}
