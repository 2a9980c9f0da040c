import Foundation
import PostgresNIO

/// The fact tables' statements as named prepared statements: each connection parses and plans them
/// once, which matters for these wide `jsonb_to_recordset` statements run for every batch.
enum FactStatements {
    /// Inserts event facts (a JSON array of ``EventFactRow``), skipping those already recorded;
    /// returns the new event ids.
    struct InsertEvents: PostgresPreparedStatement {
        typealias Row = String
        static let name = "assessment_insert_event_facts_v1"
        static let sql = """
            INSERT INTO event_facts (\(columnList(EventFactRow.columns)))
            SELECT \(columnList(EventFactRow.columns))
            FROM jsonb_to_recordset($1::text::jsonb) AS r(\(recordDefinition(EventFactRow.columns)))
            ON CONFLICT DO NOTHING
            RETURNING event_id
            """
        let json: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(json)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> String { try row.decode(String.self) }
    }

    /// Locks and reads the case facts of some cases (a `uuid[]`), as JSON, in case-id order.
    struct LockCases: PostgresPreparedStatement {
        typealias Row = String
        static let name = "assessment_lock_case_facts_v1"
        static let sql = """
            SELECT to_jsonb(f)::text FROM case_facts f
            WHERE f.case_id = ANY($1::uuid[])
            ORDER BY f.case_id
            FOR UPDATE
            """
        let caseIDs: [UUID]

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(caseIDs)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws -> String { try row.decode(String.self) }
    }

    /// Inserts or replaces case facts (a JSON array of ``CaseFactRow``).
    struct UpsertCases: PostgresPreparedStatement {
        typealias Row = ()
        static let name = "assessment_upsert_case_facts_v1"
        static let sql = """
            INSERT INTO case_facts (\(columnList(CaseFactRow.columns)))
            SELECT \(columnList(CaseFactRow.columns))
            FROM jsonb_to_recordset($1::text::jsonb) AS r(\(recordDefinition(CaseFactRow.columns)))
            ON CONFLICT (case_id) DO UPDATE SET \(updateList(CaseFactRow.columns)), recorded_at = now()
            """
        let json: String

        func makeBindings() throws -> PostgresBindings {
            var bindings = PostgresBindings(capacity: 1)
            bindings.append(json)
            return bindings
        }

        func decodeRow(_ row: PostgresRow) throws {}
    }

    static func columnList(_ columns: [(name: String, type: String)]) -> String {
        columns.map(\.name).joined(separator: ", ")
    }

    static func recordDefinition(_ columns: [(name: String, type: String)]) -> String {
        columns.map { "\($0.name) \($0.type)" }.joined(separator: ", ")
    }

    /// `column = EXCLUDED.column` for every column but the key (the first).
    static func updateList(_ columns: [(name: String, type: String)]) -> String {
        columns.dropFirst().map { "\($0.name) = EXCLUDED.\($0.name)" }.joined(separator: ", ")
    }
}
