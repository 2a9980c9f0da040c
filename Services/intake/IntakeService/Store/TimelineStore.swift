import Foundation
import GridDomain
import Logging
import PostgresNIO

/// One entry of a case's timeline: a lifecycle step (with its sequence), a deadline card or a
/// manual-dispatch notice (with the sequence it was issued after), as published on the lifecycle topic.
struct TimelineEntry: Sendable, Hashable {
    /// The case.
    var caseID: CaseID
    /// The CloudEvents source of the producer (`/gridloop/routing`).
    var source: String
    /// The CloudEvents id.
    var eventID: String
    /// The CloudEvents type.
    var type: String
    /// The step's sequence (1 for the opening event); `nil` for cards and notices.
    var sequence: Int?
    /// For cards and notices: the last step the producer had seen.
    var asOfSequence: Int?
    /// When it happened (or was issued).
    var occurredAt: Date
    /// The event data (JSON).
    var data: String

    /// The entry of an event intake produced.
    init(_ event: ProducedEvent) {
        self.init(
            caseID: event.caseID, source: ContractSource.intake, eventID: event.id.uuidString.lowercased(), type: event.type,
            sequence: event.sequence, asOfSequence: nil, occurredAt: event.occurredAt, data: String(decoding: event.data, as: UTF8.self))
    }

    /// An entry.
    init(caseID: CaseID, source: String, eventID: String, type: String, sequence: Int?, asOfSequence: Int?, occurredAt: Date, data: String) {
        self.caseID = caseID
        self.source = source
        self.eventID = eventID
        self.type = type
        self.sequence = sequence
        self.asOfSequence = asOfSequence
        self.occurredAt = occurredAt
        self.data = data
    }
}

/// The `timeline` table, read side. Entries are written by ``OpeningWriter`` and ``ReplicaWriter``
/// idempotently (an event already recorded, by id or by the case's sequence, is skipped), so intake's
/// own events, recorded when produced, are not repeated when they come back from the topic.
struct TimelineStore: Sendable {
    /// Which of `eventIDs` from `source` the timeline already holds (one primary-key probe per id):
    /// intake's own events come back from the topic already recorded, and need no decoding.
    func recorded(_ eventIDs: [String], from source: String, on connection: PostgresConnection, logger: Logger) async throws -> Set<String> {
        guard !eventIDs.isEmpty else { return [] }
        let rows = try await connection.query(
            "SELECT event_id FROM timeline WHERE event_source = \(source) AND event_id = ANY(\(eventIDs)::text[])",
            logger: logger)
        var recorded: Set<String> = []
        for try await id in rows.decode(String.self) { recorded.insert(id) }
        return recorded
    }

    /// The case's timeline: steps by sequence, each card or notice after the step it was issued after.
    func entries(of caseID: CaseID, on connection: PostgresConnection, logger: Logger) async throws -> [TimelineEntry] {
        let rows = try await connection.query(
            """
            SELECT event_source, event_id, type, sequence, as_of_sequence, occurred_at, data::text FROM timeline
            WHERE case_id = \(caseID.rawValue)
            ORDER BY coalesce(sequence, as_of_sequence, 0), sequence IS NULL, occurred_at, recorded_at, event_id
            """,
            logger: logger)
        var entries: [TimelineEntry] = []
        for try await (source, id, type, sequence, asOf, occurredAt, data) in rows.decode((String, String, String, Int?, Int?, Date, String).self) {
            entries.append(
                TimelineEntry(
                    caseID: caseID, source: source, eventID: id, type: type, sequence: sequence, asOfSequence: asOf,
                    occurredAt: occurredAt, data: data))
        }
        return entries
    }
}
