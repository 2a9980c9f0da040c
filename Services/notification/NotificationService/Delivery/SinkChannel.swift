#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridRuntime
public import Logging
public import PostgresNIO

/// The development channel: stores each message in `sink_messages` (read it with `GET /v1/sink`)
/// and writes it to the log. A message already stored (resent after a crash) is not stored twice.
public struct SinkChannel: NotificationChannel {
    /// Always ``ChannelKind/sink``.
    public var kind: ChannelKind { .sink }
    let client: PostgresClient
    let store: SinkStore
    let logger: Logger

    /// Creates the channel writing through `client`.
    public init(client: PostgresClient, store: SinkStore = SinkStore(), logger: Logger) {
        self.client = client
        self.store = store
        self.logger = logger
    }

    /// Stores the batch in one statement; a database failure is transient for every message.
    public func send(_ deliveries: [ClaimedDelivery]) async -> [SendOutcome] {
        do {
            try await store.store(deliveries, on: client, logger: logger)
        } catch {
            let reason = "sink unavailable: \(String(reflecting: error))"
            return deliveries.map { _ in .transientFailure(reason) }
        }
        for delivery in deliveries {
            logger.info(
                "sink message",
                metadata: [
                    LogMetadataKey.caseID: "\(delivery.caseId.uuidString.lowercased())", "delivery_id": "\(delivery.id.uuidString.lowercased())",
                    "recipient": "\(delivery.recipient)", "mailbox": "\(delivery.address)", "title": "\(delivery.title)",
                ])
        }
        return deliveries.map { _ in .sent }
    }
}
