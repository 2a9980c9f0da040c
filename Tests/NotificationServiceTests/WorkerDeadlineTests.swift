import Foundation
import GridDomain
import GridRuntime
import NotificationService
import PostgresNIO
import ServiceLifecycle
import Testing
import TestSupport

/// A delivery worker round whose database step never returns is given up at the worker's database
/// deadline: the step's connection is closed (the server rolls it back), and the worker carries on,
/// sending each delivery exactly once.
@Suite("Delivery worker database deadline (real PostgreSQL)")
struct WorkerDeadlineTests {
    /// A running worker with a 3 s database deadline, sending to webhooks.
    static func worker(_ database: TestDatabase, metrics: ServiceMetrics) -> DeliveryWorker {
        DeliveryWorker(
            channels: [WebhookChannel(configuration: .init(timeout: .seconds(10)))], client: database.client,
            configuration: .init(
                batchSize: 50, pollInterval: .milliseconds(50), lease: .seconds(60), retry: DeliveryWorkerTests.fastRetry,
                errorBackoff: .milliseconds(100), databaseDeadline: .seconds(3)),
            logger: database.logger, metricsFactory: metrics.factory)
    }

    /// Runs the worker until the stalled step's backend has ended and the delivery is recorded sent.
    /// Returns the stalled backend.
    static func runUntilSent(
        _ worker: DeliveryWorker, _ database: TestDatabase, caseId: UUID, recipient: String
    ) async throws -> Int {
        try await withServiceGroup([worker], logger: database.logger) {
            var stalled: Int?
            try await waitUntil("a worker step is asleep in its transaction") {
                stalled = try await database.sleepingBackend()
                return stalled != nil
            }
            let pid = try #require(stalled)
            try await waitUntil("the stalled step's backend has ended") { try await !database.backendExists(pid) }
            try await waitUntil("the delivery is recorded sent") {
                let rows = try await NotificationDatabase.deliveries(of: caseId, on: database.client, logger: database.logger)
                return rows[recipient]?.status == "sent"
            }
            return pid
        }
    }

    @Test("a stalled claim times out, its backend ends, and the next round sends the delivery once")
    func stalledClaim() async throws {
        let (caseId, planned) = try DeliveryStoreTests.dispatchDeliveries()
        let receiver = WebhookReceiver()
        let metrics = ServiceMetrics()
        try await NotificationDatabase.with { database in
            // The first claim (an UPDATE setting the row `sending`) stalls, holding the row's lock.
            let stalls = try await database.stallFirstUpdate(of: "deliveries")
            try await receiver.serve { url in
                try await DeliveryWorkerTests.record([planned[0]], channel: .webhook, address: url, in: database)
                let worker = Self.worker(database, metrics: metrics)
                _ = try await Self.runUntilSent(worker, database, caseId: caseId.rawValue, recipient: planned[0].recipient.text)
            }
            #expect(try await database.lastValue(of: stalls) >= 2, "claimed again after the rolled-back claim")
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows[planned[0].recipient.text]?.attempts == 1, "the rolled-back claim counted no attempt")
            let received = await receiver.received
            #expect(received.count == 1, "sent exactly once")
            #expect(received.first?.idempotencyKey == planned[0].id.uuidString.lowercased())
            #expect(metrics.counter("notification_worker_round_timeouts_total") >= 1, "\(metrics.render())")
        }
    }

    @Test("a stalled recording of a sent delivery times out and is recorded again; the message is not sent twice")
    func stalledCompletion() async throws {
        let (caseId, planned) = try DeliveryStoreTests.dispatchDeliveries()
        let receiver = WebhookReceiver()
        let metrics = ServiceMetrics()
        try await NotificationDatabase.with { database in
            // The first recording of an outcome (an UPDATE away from `sending`) stalls.
            let stalls = try await database.stallFirstUpdate(of: "deliveries", when: "NEW.status <> 'sending'")
            try await receiver.serve { url in
                try await DeliveryWorkerTests.record([planned[0]], channel: .webhook, address: url, in: database)
                let worker = Self.worker(database, metrics: metrics)
                _ = try await Self.runUntilSent(worker, database, caseId: caseId.rawValue, recipient: planned[0].recipient.text)
            }
            #expect(try await database.lastValue(of: stalls) >= 2, "the outcome was recorded again")
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows[planned[0].recipient.text]?.attempts == 1)
            #expect(await receiver.received.count == 1, "the webhook got the message once")
            #expect(metrics.counter("notification_worker_round_timeouts_total") >= 1, "\(metrics.render())")
        }
    }
}
