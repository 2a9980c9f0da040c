extension MigrationSet {
    /// The platform tables every service has in its schema, applied before the service's own
    /// migrations and recorded as set `gridloop`:
    ///
    /// - `outbox`: events waiting to be published, in `id` order per key (see ``Outbox``).
    /// - `inbox`: ids of processed events per consumer (see ``Inbox``).
    public static let platform: MigrationSet = try! MigrationSet(
        name: "gridloop",
        migrations: [
            Migration(
                version: 1,
                name: "outbox and inbox",
                sql: """
                    -- Events written in the same transaction as the state change they announce; the relay
                    -- publishes them in id order per message key and deletes them once delivered.
                    CREATE TABLE outbox (
                        id bigserial PRIMARY KEY,
                        event_id text NOT NULL,
                        event_type text,
                        topic text NOT NULL,
                        message_key text,
                        header_names text[] NOT NULL,
                        header_values text[] NOT NULL,
                        payload bytea,
                        created_at timestamptz NOT NULL DEFAULT now(),
                        attempts integer NOT NULL DEFAULT 0,
                        last_attempt_at timestamptz,
                        last_error text,
                        CONSTRAINT outbox_headers_paired CHECK (cardinality(header_names) = cardinality(header_values))
                    );
                    CREATE UNIQUE INDEX outbox_event_id ON outbox (event_id);

                    -- Events a consumer has processed; the key makes redelivered events no-ops.
                    CREATE TABLE inbox (
                        consumer text NOT NULL,
                        event_source text NOT NULL,
                        event_id text NOT NULL,
                        processed_at timestamptz NOT NULL DEFAULT now(),
                        PRIMARY KEY (consumer, event_source, event_id)
                    );
                    CREATE INDEX inbox_processed_at ON inbox (processed_at);
                    """
            )
        ]
    )
}
