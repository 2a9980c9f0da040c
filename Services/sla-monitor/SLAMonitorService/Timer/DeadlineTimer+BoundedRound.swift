import Foundation
import GridRuntime
import Logging
import PostgresNIO

extension DeadlineTimer {
    /// What a deadline-bounded round found.
    struct BoundedRound: Sendable {
        /// Runs claimed (and issued cards for).
        var claimed: Int
        /// When the next card falls due, looked up after a round that claimed less than a full batch;
        /// `nil` when none is pending or the batch was full.
        var nextCardAt: Date?
    }

    /// One round at `now` on a connection of its own, given up after ``Configuration/roundDeadline``.
    /// - Throws: ``DatabaseDeadlineExceeded`` when the round outlived its deadline: its connection was
    ///   closed, so the server rolls the round back (or it had already committed); any other database error.
    func boundedRound(at now: Date) async throws -> BoundedRound {
        try await withDatabaseDeadline(configuration.roundDeadline, "a deadline timer round", leasingFrom: client) { connection in
            let claimed = try await issueRound(at: now, on: connection)
            guard claimed < configuration.batchSize else { return BoundedRound(claimed: claimed) }
            return BoundedRound(claimed: claimed, nextCardAt: try await store.nextCardAt(on: connection, logger: logger))
        }
    }
}
