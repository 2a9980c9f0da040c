import Foundation
import PostgresNIO

extension Inbox {
    /// Deletes this consumer's inbox records processed before `date`.
    ///
    /// Safe once `date` is older than the topics' retention: an event that old cannot be redelivered.
    /// - Returns: The number of records deleted.
    @discardableResult
    public func prune(processedBefore date: Date) async throws -> Int {
        let rows = try await client.query(
            """
            WITH deleted AS (
                DELETE FROM \(unescaped: table) WHERE consumer = \(configuration.consumerName) AND processed_at < \(date)
                RETURNING 1
            )
            SELECT count(*) FROM deleted
            """,
            logger: logger
        )
        var count = 0
        for try await value in rows.decode(Int.self) { count = value }
        return count
    }
}
