/// The notification service's tables, as versioned forward-only SQL (applied by the platform's
/// migration runner in the service's schema; see `Migrations.swift`). Never edit an applied version:
/// add a new one.
public enum NotificationSchema {
    /// `(version, name, sql)` of every migration, in order.
    public static let migrations: [(version: Int, name: String, sql: String)] = [
        (1, "deliveries, reporters and the development sink", version1),
        (2, "case progress and suppressed deliveries", version2),
    ]

    static let version1 = """
        -- One row per notification: an event told to one recipient through one channel. The unique key
        -- is the "never twice" guarantee across redelivery and replicas: event_key identifies the event
        -- itself (case id + sequence for steps, card colour + stage run for cards), not the message.
        CREATE TABLE deliveries (
            id uuid PRIMARY KEY,
            event_key text NOT NULL,
            event_id text NOT NULL,
            event_type text NOT NULL,
            case_id uuid NOT NULL,
            case_number text NOT NULL,
            place text,
            recipient text NOT NULL,
            recipient_name text NOT NULL,
            channel text NOT NULL,
            address text NOT NULL,
            template text NOT NULL,
            title text NOT NULL,
            body text NOT NULL,
            status text NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            next_attempt_at timestamptz,
            last_attempt_at timestamptz,
            last_error text,
            created_at timestamptz NOT NULL DEFAULT now(),
            sent_at timestamptz,
            CONSTRAINT deliveries_once UNIQUE (event_key, recipient, channel),
            CONSTRAINT deliveries_channel CHECK (channel IN ('webhook', 'sink', 'none')),
            CONSTRAINT deliveries_status CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
            CONSTRAINT deliveries_due CHECK (status NOT IN ('pending', 'sending') OR next_attempt_at IS NOT NULL)
        );
        -- The worker's queue: due rows in due order (pending, or sending with an expired lease).
        CREATE INDEX deliveries_queue ON deliveries (next_attempt_at) WHERE status IN ('pending', 'sending');
        CREATE INDEX deliveries_by_case ON deliveries (case_id, created_at DESC);
        CREATE INDEX deliveries_by_status ON deliveries (status, created_at DESC);
        CREATE INDEX deliveries_by_time ON deliveries (created_at DESC);

        -- How to reach a case's reporter at close: masked values from the opening event, kept only for
        -- channels the city's contacts.csv can reach.
        CREATE TABLE case_reporters (
            case_id uuid PRIMARY KEY,
            channel text NOT NULL,
            masked_phone text,
            has_phone boolean NOT NULL,
            account_id text,
            confidential boolean NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now()
        );

        -- The development channel's mailbox: what would have been sent, readable through GET /v1/sink.
        CREATE TABLE sink_messages (
            id bigserial PRIMARY KEY,
            delivery_id uuid NOT NULL UNIQUE,
            mailbox text NOT NULL,
            recipient text NOT NULL,
            case_id uuid NOT NULL,
            place text,
            title text NOT NULL,
            body text NOT NULL,
            received_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX sink_messages_by_recipient ON sink_messages (recipient, id DESC);
        """

    static let version2 = """
        -- Where each case stands as far as this service has seen its lifecycle: the last step, the state
        -- after it, and per stage the sequence of the last step that ended (stopped or restarted) the
        -- stage's clock, {"sign_for": 6, …}. A deadline card issued as of an earlier sequence than its
        -- stage's end is stale (the case has left that run of the stage) and is not sent.
        CREATE TABLE case_progress (
            case_id uuid PRIMARY KEY,
            last_sequence integer NOT NULL,
            state text NOT NULL,
            stage_ends jsonb NOT NULL DEFAULT '{}'::jsonb,
            updated_at timestamptz NOT NULL DEFAULT now()
        );

        -- A delivery recorded but deliberately not sent (a stale deadline card); last_error says why.
        ALTER TABLE deliveries DROP CONSTRAINT deliveries_status;
        ALTER TABLE deliveries ADD CONSTRAINT deliveries_status
            CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'suppressed'));
        """
}
