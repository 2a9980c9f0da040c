#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain
public import Logging
public import PostgresNIO

extension DeliveryStore {
    /// What to list.
    public struct Filter: Sendable, Hashable {
        /// Only this case's deliveries.
        public var caseId: UUID?
        /// Only deliveries in this status.
        public var status: DeliveryStatus?
        /// Only this recipient's (text form).
        public var recipient: String?
        /// Only deliveries after this position in the listing order (the previous page's `nextCursor`).
        public var cursor: DeliveryCursor?
        /// Most rows returned.
        public var limit: Int
        /// Which places the reader may see.
        public var visibility: PlaceVisibility

        /// Creates a filter.
        public init(
            caseId: UUID? = nil, status: DeliveryStatus? = nil, recipient: String? = nil, cursor: DeliveryCursor? = nil, limit: Int = 100,
            visibility: PlaceVisibility = .all
        ) {
            self.caseId = caseId
            self.status = status
            self.recipient = recipient
            self.cursor = cursor
            self.limit = limit
            self.visibility = visibility
        }
    }

    /// A page of deliveries.
    public struct Page: Sendable, Hashable {
        /// The deliveries, newest first.
        public var deliveries: [DeliveryRecord]
        /// Where the next page starts, when this page is full.
        public var nextCursor: DeliveryCursor?
    }

    /// The deliveries matching `filter`, newest first (by `created_at`, then id).
    public func list(_ filter: Filter, on client: PostgresClient, logger: Logger) async throws -> Page {
        if case .within(let prefixes) = filter.visibility, prefixes.isEmpty { return Page(deliveries: [], nextCursor: nil) }
        var bindings = PostgresBindings()
        var conditions: [String] = []
        func bind(_ value: some PostgresEncodable & Sendable) throws -> String {
            try bindings.append(value)
            return "$\(bindings.count)"
        }
        if let caseId = filter.caseId { conditions.append("case_id = \(try bind(caseId))") }
        if let status = filter.status { conditions.append("status = \(try bind(status.rawValue))") }
        if let recipient = filter.recipient { conditions.append("recipient = \(try bind(recipient))") }
        if let cursor = filter.cursor {
            let instant = "(TIMESTAMPTZ 'epoch' + \(try bind(cursor.createdAtMicroseconds)) * INTERVAL '1 microsecond')"
            conditions.append("created_at <= \(instant) AND (created_at < \(instant) OR id < \(try bind(cursor.id)))")
        }
        if case .within = filter.visibility { conditions.append("place LIKE ANY(\(try bind(filter.visibility.likePatterns))::text[])") }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let sql = """
            SELECT id, event_key, event_id, event_type, case_id, case_number, recipient, recipient_name, channel, address, template,
                title, body, status, attempts, next_attempt_at, last_attempt_at, last_error, created_at, sent_at,
                (extract(epoch FROM created_at) * 1000000)::int8
            FROM deliveries \(whereClause)
            ORDER BY created_at DESC, id DESC
            LIMIT \(try bind(filter.limit))
            """
        let rows = try await client.query(PostgresQuery(unsafeSQL: sql, binds: bindings), logger: logger)
        var records: [DeliveryRecord] = []
        var last: DeliveryCursor?
        for try await row in rows.decode(
            (UUID, String, String, String, UUID, String, String, String, String, String, String, String, String, String, Int, Date?,
                Date?, String?, Date, Date?, Int64).self)
        {
            last = DeliveryCursor(createdAtMicroseconds: row.20, id: row.0)
            records.append(
                DeliveryRecord(
                    id: row.0, eventKey: row.1, eventId: row.2, eventType: row.3, caseId: CaseID(rawValue: row.4), caseNumber: row.5, recipient: row.6,
                    recipientName: row.7, channel: row.8, address: Self.displayAddress(row.9), template: row.10, title: row.11,
                    body: row.12, status: row.13, attempts: row.14, nextAttemptAt: row.15, lastAttemptAt: row.16, lastError: row.17,
                    createdAt: row.18, sentAt: row.19))
        }
        return Page(deliveries: records, nextCursor: records.count == filter.limit ? last : nil)
    }

    /// A webhook URL without user info, query and fragment (they may hold tokens); other addresses as they are.
    static func displayAddress(_ address: String) -> String {
        guard var components = URLComponents(string: address), components.scheme?.hasPrefix("http") == true else { return address }
        components.user = nil
        components.password = nil
        components.query = nil
        components.fragment = nil
        return components.string ?? address
    }
}
