/// The SQL of the assessment schema's migrations (applied by `Assessment.migrate` in the service's
/// own schema; unqualified names resolve there).
enum AssessmentSchemaSQL {
    /// Version 1: the fact tables.
    static let factTables = """
        -- One row per case: what the indicators count (see IndicatorFormulas and CaseFact).
        CREATE TABLE case_facts (
            case_id uuid PRIMARY KEY,
            case_number text NOT NULL,
            grid text,
            community text,
            street text,
            district text,
            area_class text,
            place_code text,
            category text,
            channel text NOT NULL,
            lead_unit text,
            disposing_unit text,
            department text,
            state text NOT NULL,
            reported_at timestamptz NOT NULL,
            opened_at timestamptz NOT NULL,
            filed_at timestamptz,
            first_dispatched_at timestamptz,
            dispatched_at timestamptz,
            first_disposed_at timestamptz,
            disposed_at timestamptz,
            first_rework_at timestamptz,
            closed_at timestamptz,
            voided_at timestamptz,
            duplicate_at timestamptz,
            not_filed_at timestamptz,
            rework_count integer NOT NULL DEFAULT 0,
            return_count integer NOT NULL DEFAULT 0,
            redispatch_count integer NOT NULL DEFAULT 0,
            extension_request_count integer NOT NULL DEFAULT 0,
            extensions_granted integer NOT NULL DEFAULT 0,
            park_count integer NOT NULL DEFAULT 0,
            escalation_count integer NOT NULL DEFAULT 0,
            self_disposed boolean NOT NULL DEFAULT false,
            run_start_sequence integer,
            run_started_at timestamptz,
            run_due_at timestamptz,
            run_red_card_at timestamptz,
            run_adjusted_sequence integer,
            run_adjusted_at timestamptz,
            run_stop_sequence integer,
            run_stopped_at timestamptz,
            run_ended_by_disposal boolean NOT NULL DEFAULT false,
            earlier_breached_runs integer NOT NULL DEFAULT 0,
            earlier_late_disposals integer NOT NULL DEFAULT 0,
            earlier_first_breach_at timestamptz,
            breached_runs integer NOT NULL DEFAULT 0,
            late_disposals integer NOT NULL DEFAULT 0,
            first_breach_at timestamptz,
            due_for_closing_at timestamptz,
            last_sequence integer NOT NULL,
            updated_at timestamptz NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT case_facts_run_complete CHECK ((run_start_sequence IS NULL) = (run_started_at IS NULL)),
            CONSTRAINT case_facts_counts_non_negative CHECK (
                rework_count >= 0 AND breached_runs >= 0 AND late_disposals >= 0 AND last_sequence >= 0)
        );
        -- Each period test of IndicatorQuery uses one of these.
        CREATE INDEX case_facts_filed_at ON case_facts (filed_at) WHERE filed_at IS NOT NULL;
        CREATE INDEX case_facts_closed_at ON case_facts (closed_at) WHERE closed_at IS NOT NULL;
        CREATE INDEX case_facts_due_for_closing_at ON case_facts (due_for_closing_at) WHERE due_for_closing_at IS NOT NULL;
        CREATE INDEX case_facts_first_disposed_at ON case_facts (first_disposed_at) WHERE first_disposed_at IS NOT NULL;

        -- One row per event of gridloop.case.lifecycle. Steps are unique by case and sequence,
        -- every event by its CloudEvents id.
        CREATE TABLE event_facts (
            event_id text PRIMARY KEY,
            case_id uuid NOT NULL,
            sequence integer,
            type text NOT NULL,
            kind text NOT NULL,
            at timestamptz NOT NULL,
            actor_unit text,
            lead_unit text,
            stage text,
            due_at timestamptz,
            grid text,
            community text,
            street text,
            district text,
            place_code text,
            category text,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            CONSTRAINT event_facts_sequence_positive CHECK (sequence IS NULL OR sequence >= 1),
            CONSTRAINT event_facts_card_stage CHECK (kind NOT IN ('red_card', 'yellow_card') OR stage IS NOT NULL)
        );
        CREATE UNIQUE INDEX event_facts_case_sequence ON event_facts (case_id, sequence) WHERE sequence IS NOT NULL;
        CREATE INDEX event_facts_cards_at ON event_facts (at) WHERE kind IN ('red_card', 'yellow_card');
        CREATE INDEX event_facts_case_at ON event_facts (case_id, at);
        """
}
