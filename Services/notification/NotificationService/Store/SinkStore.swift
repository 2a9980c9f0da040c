#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain
public import Logging
public import PostgresNIO

/// A message the development sink received.
public struct SinkMessage: Sendable, Hashable, Codable {
    /// The message's number in the sink.
    public var id: Int64
    /// The delivery it carries.
    public var deliveryId: UUID
    /// The mailbox (the contact's address).
    public var mailbox: String
    /// The recipient's text form.
    public var recipient: String
    /// The case.
    public var caseId: CaseID
    /// The title.
    public var title: String
    /// The body.
    public var body: String
    /// When the sink stored it.
    public var receivedAt: Date
}

/// SQL access to `sink_messages`, the development channel's mailbox.
public struct SinkStore: Sendable {
    /// Creates the store.
    public init() {}

    /// Stores the messages of `deliveries` in one statement; a delivery already stored (a resend after
    /// a crash) is not stored again.
    /// - Returns: How many were new.
    @discardableResult
    public func store(_ deliveries: [ClaimedDelivery], on client: PostgresClient, logger: Logger) async throws -> Int {
        guard !deliveries.isEmpty else { return 0 }
        let rows = try await client.query(
            """
            WITH stored AS (
                INSERT INTO sink_messages (delivery_id, mailbox, recipient, case_id, place, title, body)
                SELECT m.id, m.mailbox, m.recipient, m.case_id, NULLIF(m.place, ''), m.title, m.body
                FROM unnest(\(deliveries.map(\.id))::uuid[], \(deliveries.map(\.address))::text[], \(deliveries.map(\.recipient))::text[],
                    \(deliveries.map(\.caseId))::uuid[], \(deliveries.map { $0.place ?? "" })::text[], \(deliveries.map(\.title))::text[],
                    \(deliveries.map(\.body))::text[]) WITH ORDINALITY AS m(id, mailbox, recipient, case_id, place, title, body, position)
                ORDER BY m.position
                ON CONFLICT (delivery_id) DO NOTHING
                RETURNING 1
            )
            SELECT count(*) FROM stored
            """,
            logger: logger)
        var count = 0
        for try await value in rows.decode(Int.self) { count = value }
        return count
    }

    /// The sink's messages, newest first, optionally for one recipient and before a message number.
    public func list(
        recipient: String?, before: Int64?, limit: Int, visibility: PlaceVisibility, on client: PostgresClient, logger: Logger
    ) async throws -> [SinkMessage] {
        if case .within(let prefixes) = visibility, prefixes.isEmpty { return [] }
        let all = visibility == .all
        let rows = try await client.query(
            """
            SELECT id, delivery_id, mailbox, recipient, case_id, title, body, received_at FROM sink_messages
            WHERE (\(recipient)::text IS NULL OR recipient = \(recipient))
              AND (\(before)::int8 IS NULL OR id < \(before))
              AND (\(all) OR place LIKE ANY(\(visibility.likePatterns)::text[]))
            ORDER BY id DESC
            LIMIT \(limit)
            """,
            logger: logger)
        var messages: [SinkMessage] = []
        for try await row in rows.decode((Int64, UUID, String, String, UUID, String, String, Date).self) {
            messages.append(
                SinkMessage(
                    id: row.0, deliveryId: row.1, mailbox: row.2, recipient: row.3, caseId: CaseID(rawValue: row.4), title: row.5, body: row.6,
                    receivedAt: row.7))
        }
        return messages
    }
}
