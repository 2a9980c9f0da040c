/// The SQL of intake's schema migrations (schema `intake`; PostGIS types and functions come from
/// `public`, which is on the service role's `search_path`). Forward-only: never edit an applied
/// migration, add a new one.
enum IntakeSchemaSQL {
    /// 1: the city's unit grids, located with PostGIS, and the fingerprint of the loaded city.
    static let grids = """
        -- The unit grids of the city, (re)loaded from the city's GeoJSON at start-up (GridLoader).
        CREATE TABLE grids (
            code text PRIMARY KEY,
            name text NOT NULL,
            area_class text NOT NULL,
            community text NOT NULL,
            street text NOT NULL,
            district text NOT NULL,
            geom geometry(MultiPolygon, 4326) NOT NULL
        );
        CREATE INDEX grids_geom ON grids USING gist (geom);

        -- What was loaded: one row, the fingerprint of the city's place files.
        CREATE TABLE city_load (
            singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
            fingerprint text NOT NULL,
            grid_count integer NOT NULL,
            loaded_at timestamptz NOT NULL DEFAULT now()
        );
        """

    /// 2: cases (the replica plus indexed columns), reporters' personal data, the timeline, and the
    /// inbound hotline orders and sensing alerts.
    static let cases = """
        -- The serial part of case numbers (<district>-<yyyyMMdd>-<seq>).
        CREATE SEQUENCE case_number_seq;

        -- One row per case: the replica (the domain Case, masked report, JSON) and the columns it is
        -- found by. Clear personal data never goes here.
        CREATE TABLE cases (
            id uuid PRIMARY KEY,
            number text NOT NULL UNIQUE,
            state text NOT NULL,
            category text,
            urgency text NOT NULL,
            channel text NOT NULL,
            place text,
            grid text,
            community text,
            street text,
            district text,
            area_class text,
            reporter_account text,
            external_reference text,
            reported_at timestamptz NOT NULL,
            opened_at timestamptz NOT NULL,
            updated_at timestamptz NOT NULL,
            last_sequence integer NOT NULL,
            replica jsonb NOT NULL,
            placement jsonb NOT NULL
        );
        CREATE UNIQUE INDEX cases_external_reference ON cases (channel, external_reference) WHERE external_reference IS NOT NULL;
        CREATE INDEX cases_opened ON cases (opened_at DESC, id DESC);
        CREATE INDEX cases_state_opened ON cases (state, opened_at DESC, id DESC);
        CREATE INDEX cases_district_opened ON cases (district, opened_at DESC, id DESC);
        CREATE INDEX cases_place ON cases (place text_pattern_ops);
        CREATE INDEX cases_reporter_account ON cases (reporter_account) WHERE reporter_account IS NOT NULL;

        -- The reporter's clear personal data and the unmasked description and address: only here.
        CREATE TABLE reporters (
            case_id uuid PRIMARY KEY REFERENCES cases (id),
            name text,
            phone text,
            account_id text,
            confidential boolean NOT NULL,
            details text NOT NULL,
            address text
        );

        -- Every event of the lifecycle topic about a case: its steps (by any service), deadline cards
        -- and manual-dispatch notices. Steps are ordered by sequence; cards and notices follow the
        -- step they were issued after (as_of_sequence).
        CREATE TABLE timeline (
            case_id uuid NOT NULL,
            event_source text NOT NULL,
            event_id text NOT NULL,
            type text NOT NULL,
            sequence integer,
            as_of_sequence integer,
            occurred_at timestamptz NOT NULL,
            data jsonb NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (event_source, event_id)
        );
        CREATE UNIQUE INDEX timeline_case_sequence ON timeline (case_id, sequence) WHERE sequence IS NOT NULL;
        CREATE INDEX timeline_case ON timeline (case_id);

        -- 12345/12319 work orders received (the raw value as sent, byte for byte).
        CREATE TABLE hotline_orders (
            order_number text PRIMARY KEY,
            channel text NOT NULL,
            request_type text NOT NULL,
            received_at timestamptz NOT NULL,
            case_id uuid NOT NULL REFERENCES cases (id),
            status text NOT NULL,
            raw bytea NOT NULL,
            kafka_partition integer,
            kafka_offset bigint,
            stored_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX hotline_orders_case ON hotline_orders (case_id);

        -- Sensing alerts received (video analytics, IoT).
        CREATE TABLE sensing_alerts (
            alert_id text PRIMARY KEY,
            device_id text NOT NULL,
            observed_at timestamptz NOT NULL,
            case_id uuid NOT NULL REFERENCES cases (id),
            raw bytea NOT NULL,
            kafka_partition integer,
            kafka_offset bigint,
            stored_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX sensing_alerts_case ON sensing_alerts (case_id);
        """
}
