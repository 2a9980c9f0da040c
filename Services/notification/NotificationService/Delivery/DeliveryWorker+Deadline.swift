import GridRuntime
import Logging
import PostgresNIO

extension DeliveryWorker {
    /// Runs one database step of a round on a connection of its own, given up after
    /// ``Configuration/databaseDeadline``: the connection is then closed (the server rolls the step
    /// back), and the time-out is logged and counted before ``DatabaseDeadlineExceeded`` is thrown.
    func bounded<Value: Sendable>(
        _ what: String, _ work: @escaping @Sendable (PostgresConnection) async throws -> Value
    ) async throws -> Value {
        let (client, deadline) = (client, configuration.databaseDeadline)
        do {
            return try await withDatabaseDeadline(deadline, "a delivery worker round (\(what))", leasingFrom: client, work)
        } catch let timeout as DatabaseDeadlineExceeded {
            metrics.countRoundTimeout()
            logger.warning(
                "delivery worker gave up on a database step; its connection was closed and the step rolled back",
                metadata: ["step": "\(what)", "error": "\(timeout)"])
            throw timeout
        }
    }
}
