#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain
public import Logging
public import PostgresNIO

/// SQL access to `deliveries` (tables are found through the pool's `search_path`, the service's
/// schema first). Writes are batched: one statement per batch, whatever its size.
public struct DeliveryStore: Sendable {
    /// Creates the store.
    public init() {}

    /// Records planned deliveries; those already recorded for the same (event key, recipient, channel)
    /// are left as they are (`ON CONFLICT DO NOTHING`). Deliverable ones start `pending` and due now;
    /// suppressed ones are recorded `suppressed` and those without a contact `failed`, with the reason
    /// in `last_error`.
    /// - Returns: How many were new.
    @discardableResult
    public func record(_ planned: [PlannedDelivery], on connection: PostgresConnection, logger: Logger) async throws -> Int {
        guard !planned.isEmpty else { return 0 }
        let rows = try await connection.query(
            """
            INSERT INTO deliveries (id, event_key, event_id, event_type, case_id, case_number, place, recipient, recipient_name,
                channel, address, template, title, body, status, next_attempt_at, last_error)
            SELECT d.id, d.event_key, d.event_id, d.event_type, d.case_id, d.case_number, NULLIF(d.place, ''), d.recipient,
                d.recipient_name, d.channel, d.address, d.template, d.title, d.body,
                CASE WHEN d.suppressed <> '' THEN 'suppressed' WHEN d.reason = '' THEN 'pending' ELSE 'failed' END,
                CASE WHEN d.suppressed = '' AND d.reason = '' THEN now() END,
                COALESCE(NULLIF(d.suppressed, ''), NULLIF(d.reason, ''))
            FROM unnest(\(planned.map(\.id))::uuid[], \(planned.map(\.eventKey))::text[], \(planned.map(\.eventId))::text[],
                \(planned.map(\.eventType))::text[], \(planned.map(\.caseId.rawValue))::uuid[], \(planned.map(\.caseNumber))::text[],
                \(planned.map { $0.place ?? "" })::text[], \(planned.map(\.recipient.text))::text[], \(planned.map(\.recipientName))::text[],
                \(planned.map(\.channel.rawValue))::text[], \(planned.map(\.address))::text[], \(planned.map(\.template))::text[],
                \(planned.map(\.title))::text[], \(planned.map(\.body))::text[], \(planned.map { $0.undeliverableReason ?? "" })::text[],
                \(planned.map { $0.suppressionReason ?? "" })::text[])
                WITH ORDINALITY AS d(id, event_key, event_id, event_type, case_id, case_number, place, recipient, recipient_name,
                    channel, address, template, title, body, reason, suppressed, position)
            ORDER BY d.position
            ON CONFLICT (event_key, recipient, channel) DO NOTHING
            RETURNING id
            """,
            logger: logger)
        var inserted = 0
        for try await _ in rows.decode(UUID.self) { inserted += 1 }
        return inserted
    }

    /// Claims up to `limit` due deliveries (pending and due, or sending with an expired lease) with
    /// `FOR UPDATE SKIP LOCKED`, so concurrent workers never claim the same row: each is set `sending`,
    /// its attempt counted, and leased for `lease` (after which another worker may reclaim it).
    public func claimDue(limit: Int, lease: Duration, on connection: PostgresConnection, logger: Logger) async throws -> [ClaimedDelivery] {
        let leaseSeconds = Double(lease.components.seconds) + Double(lease.components.attoseconds) / 1e18
        let rows = try await connection.query(
            """
            WITH due AS (
                SELECT id FROM deliveries
                WHERE status IN ('pending', 'sending') AND next_attempt_at <= now()
                ORDER BY next_attempt_at
                LIMIT \(limit)
                FOR UPDATE SKIP LOCKED
            )
            UPDATE deliveries AS d
            SET status = 'sending', attempts = d.attempts + 1, last_attempt_at = now(),
                next_attempt_at = now() + make_interval(secs => \(leaseSeconds))
            FROM due WHERE d.id = due.id
            RETURNING d.id, d.case_id, d.case_number, d.event_key, d.event_type, d.recipient, d.recipient_name, d.channel,
                d.address, d.template, d.title, d.body, d.place, d.attempts, d.created_at
            """,
            logger: logger)
        var claimed: [ClaimedDelivery] = []
        for try await row in rows.decode(
            (UUID, UUID, String, String, String, String, String, String, String, String, String, String, String?, Int, Date).self)
        {
            let (id, caseId, caseNumber, eventKey, eventType, recipient, recipientName, channel, address, template, title, body, place, attempts, created) = row
            claimed.append(
                ClaimedDelivery(
                    id: id, caseId: caseId, caseNumber: caseNumber, eventKey: eventKey, eventType: eventType, recipient: recipient,
                    recipientName: recipientName, channel: ChannelKind(rawValue: channel) ?? .none, address: address, template: template,
                    title: title, body: body, place: place, attempt: attempts, createdAt: created))
        }
        return claimed
    }

    /// What became of one claimed delivery.
    public struct Completion: Sendable, Hashable {
        /// What to record.
        public enum Outcome: String, Sendable, Hashable {
            /// Sent: status `sent`, `sent_at` now.
            case sent
            /// Try again after ``Completion/retryAfter``: status `pending`.
            case retry
            /// Give up: status `failed`.
            case failed
        }

        /// The delivery.
        public var id: UUID
        /// The attempt that ends (a completion for an older claim is ignored).
        public var attempt: Int
        /// The outcome.
        public var outcome: Outcome
        /// The error of a failed attempt.
        public var error: String?
        /// The delay before the next attempt (``Outcome/retry`` only).
        public var retryAfter: Duration

        /// Creates a completion.
        public init(id: UUID, attempt: Int, outcome: Outcome, error: String? = nil, retryAfter: Duration = .zero) {
            self.id = id
            self.attempt = attempt
            self.outcome = outcome
            self.error = error
            self.retryAfter = retryAfter
        }
    }

    /// Records the outcomes of claimed deliveries in one statement. Rows no longer `sending` under the
    /// same attempt (reclaimed by another worker after the lease ran out) are left alone.
    /// - Returns: How many rows were updated.
    @discardableResult
    public func complete(_ completions: [Completion], on connection: PostgresConnection, logger: Logger) async throws -> Int {
        guard !completions.isEmpty else { return 0 }
        let delays = completions.map { Double($0.retryAfter.components.seconds) + Double($0.retryAfter.components.attoseconds) / 1e18 }
        let rows = try await connection.query(
            """
            WITH updated AS (
                UPDATE deliveries AS d
                SET status = CASE r.outcome WHEN 'sent' THEN 'sent' WHEN 'retry' THEN 'pending' ELSE 'failed' END,
                    sent_at = CASE WHEN r.outcome = 'sent' THEN now() ELSE d.sent_at END,
                    next_attempt_at = CASE WHEN r.outcome = 'retry' THEN now() + make_interval(secs => r.delay) END,
                    last_error = CASE WHEN r.outcome = 'sent' THEN d.last_error ELSE NULLIF(r.error, '') END
                FROM unnest(\(completions.map(\.id))::uuid[], \(completions.map(\.attempt))::int8[],
                    \(completions.map(\.outcome.rawValue))::text[], \(completions.map { $0.error ?? "" })::text[], \(delays)::float8[])
                    AS r(id, attempt, outcome, error, delay)
                WHERE d.id = r.id AND d.status = 'sending' AND d.attempts = r.attempt
                RETURNING 1
            )
            SELECT count(*) FROM updated
            """,
            logger: logger)
        var count = 0
        for try await value in rows.decode(Int.self) { count = value }
        return count
    }
}
