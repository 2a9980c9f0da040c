public import Logging
public import PostgresNIO

extension DeliveryStore {
    /// Claims due deliveries like the connection variant of `claimDue`, on a connection leased from `client`.
    public func claimDue(limit: Int, lease: Duration, on client: PostgresClient, logger: Logger) async throws -> [ClaimedDelivery] {
        try await client.withConnection { connection in
            try await claimDue(limit: limit, lease: lease, on: connection, logger: logger)
        }
    }

    /// Records outcomes like the connection variant of `complete`, on a connection leased from `client`.
    @discardableResult
    public func complete(_ completions: [Completion], on client: PostgresClient, logger: Logger) async throws -> Int {
        try await client.withConnection { connection in
            try await complete(completions, on: connection, logger: logger)
        }
    }
}
