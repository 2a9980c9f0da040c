/// The SQL of the sla-monitor's versioned migrations (schema `sla_monitor`). Forward-only: an applied
/// migration never changes; add a new version instead.
enum SchemaSQL {
    /// Version 1: cases and stage clocks.
    static let v1CasesAndStageClocks = """
        -- One row per case the monitor has seen: the last lifecycle event applied (stale and duplicate
        -- events are those at or below it) and the case after it, which cards carry.
        CREATE TABLE cases (
            case_id uuid PRIMARY KEY,
            case_number text NOT NULL,
            last_sequence integer NOT NULL CHECK (last_sequence >= 1),
            snapshot jsonb NOT NULL,
            place_code text,
            district text,
            updated_at timestamptz NOT NULL DEFAULT now()
        );

        -- One row per run of a stage clock (a stage that starts again gets the next run). The timer
        -- claims rows whose next card is due; the consumer never writes the issued-card columns.
        CREATE TABLE stage_clocks (
            case_id uuid NOT NULL,
            stage text NOT NULL CHECK (stage IN ('accept', 'verify', 'file', 'dispatch', 'sign_for', 'dispose', 'check', 'close')),
            run integer NOT NULL CHECK (run >= 1),
            status text NOT NULL CHECK (status IN ('running', 'paused', 'stopped')),
            started_at timestamptz NOT NULL,
            stopped_at timestamptz,
            paused_at timestamptz,
            limit_amount integer NOT NULL,
            limit_unit text NOT NULL,
            yellow_fraction double precision NOT NULL,
            escalation text NOT NULL,
            rule text NOT NULL,
            extensions jsonb NOT NULL,
            clock jsonb NOT NULL,
            yellow_at timestamptz,
            due_at timestamptz,
            red_at timestamptz,
            yellow_issued_at timestamptz,
            red_issued_at timestamptz,
            yellow_event_id text,
            red_event_id text,
            next_card_at timestamptz GENERATED ALWAYS AS (
                CASE WHEN status = 'running' AND red_issued_at IS NULL
                     THEN CASE WHEN yellow_issued_at IS NULL THEN yellow_at ELSE red_at END
                END) STORED,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (case_id, stage, run)
        );
        -- The timer: due cards, earliest first.
        CREATE INDEX stage_clocks_next_card ON stage_clocks (next_card_at) WHERE next_card_at IS NOT NULL;
        -- GET /v1/overdue: running clocks past due.
        CREATE INDEX stage_clocks_running_due ON stage_clocks (due_at) WHERE status = 'running';
        """
}
