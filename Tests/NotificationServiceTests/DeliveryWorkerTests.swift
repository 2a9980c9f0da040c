import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Logging
import Metrics
import NotificationService
import PostgresNIO
import ServiceLifecycle
import Testing
import TestSupport

@Suite("Delivery worker")
struct DeliveryWorkerTests {
    static let fastRetry = DeliveryRetryPolicy(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(40), maximumAttempts: 3)

    /// Records `planned` with every contact replaced by `address` on `channel`.
    static func record(_ planned: [PlannedDelivery], channel: ChannelKind, address: String, in database: TestDatabase) async throws {
        let redirected = planned.map { delivery -> PlannedDelivery in
            var delivery = delivery
            delivery.channel = channel
            delivery.address = address
            return delivery
        }
        try await database.client.withConnection { _ = try await DeliveryStore().record(redirected, on: $0, logger: database.logger) }
    }

    static func worker(
        _ database: TestDatabase, channels: [any NotificationChannel], lease: Duration = .seconds(60), metrics: ServiceMetrics = ServiceMetrics()
    ) -> DeliveryWorker {
        DeliveryWorker(
            channels: channels, client: database.client,
            configuration: .init(batchSize: 50, pollInterval: .milliseconds(20), lease: lease, retry: fastRetry),
            logger: database.logger, metricsFactory: metrics.factory)
    }

    /// Runs rounds (making retries due at once) until no delivery is pending or sending.
    static func drain(_ worker: DeliveryWorker, _ database: TestDatabase) async throws {
        for _ in 0..<50 {
            try await NotificationDatabase.makeDue(on: database.client, logger: database.logger)
            if try await worker.round() == 0 { return }
        }
        Issue.record("deliveries still pending after 50 rounds")
    }

    @Test("a webhook answering 500 then 200 gets the delivery twice with one Idempotency-Key; it ends sent after 2 attempts")
    func retriedWebhook() async throws {
        let (caseId, planned) = try DeliveryStoreTests.dispatchDeliveries()
        let receiver = WebhookReceiver(script: [.internalServerError])
        let metrics = ServiceMetrics()
        try await NotificationDatabase.with { database in
            try await receiver.serve { url in
                try await Self.record([planned[0]], channel: .webhook, address: url, in: database)
                let worker = Self.worker(database, channels: [WebhookChannel(configuration: .init(timeout: .seconds(5)))], metrics: metrics)
                try await Self.drain(worker, database)
            }
            let exposition = metrics.render()
            #expect(exposition.contains(#"notification_deliveries_total{channel="webhook",outcome="retry"} 1"#), "\(exposition)")
            #expect(exposition.contains(#"notification_deliveries_total{channel="webhook",outcome="sent"} 1"#))
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            let row = try #require(rows[planned[0].recipient.text])
            #expect(row.status == "sent")
            #expect(row.attempts == 2)
            #expect(row.lastError == "HTTP 500")
            let received = await receiver.received
            #expect(received.count == 2)
            #expect(Set(received.map(\.idempotencyKey)) == [planned[0].id.uuidString.lowercased()])
            #expect(received.map { $0.message?.attempt } == [1, 2])
            #expect(received.last?.message?.body == planned[0].body)
        }
    }

    @Test("a 4xx fails at once; repeated 503s fail after the last attempt")
    func failures() async throws {
        let (caseId, planned) = try DeliveryStoreTests.dispatchDeliveries()
        let notFound = WebhookReceiver(script: [.notFound])
        let unavailable = WebhookReceiver(script: [.serviceUnavailable, .serviceUnavailable, .serviceUnavailable, .serviceUnavailable])
        try await NotificationDatabase.with { database in
            try await notFound.serve { missingURL in
                try await unavailable.serve { busyURL in
                    try await Self.record([planned[0]], channel: .webhook, address: missingURL, in: database)
                    try await Self.record([planned[1]], channel: .webhook, address: busyURL, in: database)
                    let worker = Self.worker(database, channels: [WebhookChannel(configuration: .init(timeout: .seconds(5)))])
                    try await Self.drain(worker, database)
                }
            }
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows[planned[0].recipient.text]?.status == "failed")
            #expect(rows[planned[0].recipient.text]?.attempts == 1)
            #expect(rows[planned[0].recipient.text]?.lastError == "HTTP 404")
            #expect(rows[planned[1].recipient.text]?.status == "failed")
            #expect(rows[planned[1].recipient.text]?.attempts == 3)
            #expect(rows[planned[1].recipient.text]?.lastError == "HTTP 503 (gave up after 3 attempts)")
            #expect(await notFound.received.count == 1)
            #expect(await unavailable.received.count == 3)
        }
    }

    @Test("the sink stores each message once, also when a crashed worker's claim is sent again")
    func sinkAndCrash() async throws {
        let (caseId, planned) = try DeliveryStoreTests.dispatchDeliveries()
        try await NotificationDatabase.with { database in
            try await database.client.withConnection { _ = try await DeliveryStore().record(planned, on: $0, logger: database.logger) }
            let sink = SinkChannel(client: database.client, logger: database.logger)
            // A worker claims and sends, then "dies" before recording the outcome.
            let claimed = try await DeliveryStore().claimDue(limit: 10, lease: .seconds(60), on: database.client, logger: database.logger)
            #expect(await sink.send(claimed) == [.sent, .sent])
            // The lease runs out; another worker sends them again and records them.
            let worker = Self.worker(database, channels: [sink])
            try await Self.drain(worker, database)
            let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
            #expect(rows.values.allSatisfy { $0.status == "sent" && $0.attempts == 2 })
            let messages = try await SinkStore().list(
                recipient: nil, before: nil, limit: 100, visibility: .all, on: database.client, logger: database.logger)
            #expect(messages.count == 2)
            #expect(Set(messages.map(\.deliveryId)) == Set(planned.map(\.id)))
            let lead = try #require(messages.first { $0.recipient == "unit:S339901001-SANITATION" })
            #expect(lead.mailbox == "unit-S339901001-SANITATION")
            #expect(lead.title == planned[0].title)
            let forCo = try await SinkStore().list(
                recipient: "unit:S339901001-ENFORCE", before: nil, limit: 100, visibility: .within(["339902"]),
                on: database.client, logger: database.logger)
            #expect(forCo.isEmpty)
        }
    }

    @Test("the worker service sends what is recorded while it runs and stops on graceful shutdown")
    func runningService() async throws {
        let (caseId, planned) = try DeliveryStoreTests.dispatchDeliveries()
        try await NotificationDatabase.with { database in
            let worker = Self.worker(database, channels: [SinkChannel(client: database.client, logger: database.logger)])
            let group = ServiceGroup(services: [worker], logger: database.logger)
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                try await database.client.withConnection { _ = try await DeliveryStore().record(planned, on: $0, logger: database.logger) }
                var sent = 0
                for _ in 0..<400 where sent < 2 {
                    try await Task.sleep(for: .milliseconds(25))
                    let rows = try await NotificationDatabase.deliveries(of: caseId.rawValue, on: database.client, logger: database.logger)
                    sent = rows.values.filter { $0.status == "sent" }.count
                }
                #expect(sent == 2)
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }
}
