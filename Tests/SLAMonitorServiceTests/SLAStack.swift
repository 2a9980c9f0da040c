import Foundation
import GridDomain
import GridKafka
import GridRuntime
import Logging
import ServiceLifecycle
@testable import SLAMonitorService
import TestSupport

/// The sla-monitor built as the scaffold builds it (`SLAMonitor(resources:)`: lifecycle consumer,
/// deadline timer, producer and outbox relay) on a real Tansu broker and a migrated test database, with
/// the short test policy (`SLA_DEADLINE_POLICY_FILE`), running in a ServiceGroup while a test drives it.
struct SLAStack: Sendable {
    let db: SLADatabase
    let kafka: KafkaConfiguration
    /// The test's own producer (what intake and routing would publish).
    let producer: KafkaProducer
    var logger: Logger { db.logger }

    static let lifecycle = ContractTopic.caseLifecycle
    static let deadLetters = DeadLetter.topic(for: ContractTopic.caseLifecycle)

    /// Starts a broker, creates the lifecycle topic (one partition, so the test's records are consumed
    /// in the order sent) and its dead-letter topic, runs the monitor while `body` runs, then shuts it
    /// down gracefully.
    static func with<Result: Sendable>(_ body: @Sendable (SLAStack) async throws -> Result) async throws -> Result {
        try await SLADatabase.with { db in
            let broker = try await TansuBroker.started()
            defer { broker.stop() }
            let kafka = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers], clientID: "sla-monitor-test")
            try await KafkaAdmin(configuration: kafka, logger: db.logger).createTopics([
                TopicSpecification(name: lifecycle, partitions: 1), TopicSpecification(name: deadLetters, partitions: 1),
            ])
            let monitor = try await SLAMonitor(resources: try resources(db: db, brokers: broker.bootstrapServers))
            try await monitor.migrate(client: db.client, logger: db.logger)
            let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: db.logger)
            let services: [any Service] = [producer] + monitor.producers + monitor.consumers
            let group = ServiceGroup(
                configuration: .init(services: services.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: db.logger))
            let stack = SLAStack(db: db, kafka: kafka, producer: producer)
            return try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }
                let result: Result
                do {
                    try await monitor.readinessChecks.first?.check()
                    result = try await body(stack)
                } catch {
                    await group.triggerGracefulShutdown()
                    try? await tasks.waitForAll()
                    throw error
                }
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            }
        }
    }

    /// What the scaffold would hand the monitor with `SLA_DEADLINE_POLICY_FILE` set to the short policy.
    static func resources(db: SLADatabase, brokers: String) throws -> ServiceResources<SLAMonitorSettings> {
        let configuration = ServiceConfiguration(
            serviceName: SLAMonitor.name, cityDirectory: SLAFixtures.sampleCity,
            database: .init(host: "127.0.0.1", name: "test", user: "test", schema: db.schema.name),
            kafka: try KafkaSettings(environment: ["KAFKA_BROKERS": brokers], defaultClientID: SLAMonitor.name),
            auth: .init(key: .sharedSecret(ClockRoutesTests.secret)))
        // The test runs at the real date; natural-second rules need no holiday data, so the calendar's
        // coverage of the current year is assumed rather than made a condition of the test.
        let settings = SLAMonitorSettings(
            deadlinePolicyFile: SLAFixtures.shortPolicyFile, assumedYears: 5, consumerBatchSize: 100,
            timerMaxSleep: .milliseconds(100))
        return ServiceResources(
            configuration: configuration, settings: settings, postgres: db.client, logger: db.logger, metrics: ServiceMetrics())
    }

    /// Publishes `events` to the lifecycle topic as intake would (CloudEvents binary mode, key = case id),
    /// each with the id given, or a fresh one.
    func publish(_ events: [PublishedEvent], ids: [String]? = nil) async throws {
        for (index, published) in events.enumerated() {
            let event = CloudEvent(
                id: ids?[index] ?? UUID().uuidString, source: ContractSource.intake, type: published.type,
                subject: published.input.caseID.description, time: published.input.occurredAt,
                dataContentType: CloudEvent.jsonContentType, data: Array(published.data))
            try await send(KafkaProducerMessage(event.kafkaMessage(topic: Self.lifecycle)))
        }
    }

    /// Sends one record and waits for the broker's confirmation.
    func send(_ message: KafkaProducerMessage) async throws {
        _ = try await producer.send(message)
    }

    /// Reads `topic` from the beginning with a fresh group until `done` holds for what was read.
    func read(_ topic: String, until done: @escaping @Sendable ([KafkaConsumerMessage]) -> Bool) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(
            configuration: .init(kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], revokeTimeout: .seconds(4)),
            logger: logger)
        return try await withDeadline("reading \(topic)") {
            try await withThrowingTaskGroup(of: [KafkaConsumerMessage]?.self) { tasks in
                tasks.addTask {
                    try await consumer.run()
                    return nil
                }
                tasks.addTask {
                    var records: [KafkaConsumerMessage] = []
                    for try await batch in consumer.batches {
                        records += batch
                        try await consumer.commit(batch)
                        if done(records) { break }
                    }
                    return records
                }
                defer { tasks.cancelAll() }
                while let finished = try await tasks.next() {
                    if let records = finished { return records }
                }
                throw FixtureError("the reader of \(topic) stopped")
            }
        }
    }

    /// Polls the database until `condition` holds.
    func waitUntil(_ what: String, _ condition: @escaping @Sendable () async throws -> Bool) async throws {
        try await withDeadline(what) {
            while try await !condition() {
                try await Task.sleep(for: .milliseconds(50))
            }
        }
    }
}

/// The cards and CloudEvents of lifecycle-topic records.
extension KafkaConsumerMessage {
    var cloudEvent: CloudEvent? { try? CloudEvent(message: IncomingMessage(self)) }

    var card: DeadlineCardV1? {
        guard let event = cloudEvent, let data = event.data,
            let decoded = try? LifecycleTopicEventV1.decode(type: event.type, data: Data(data))
        else { return nil }
        switch decoded {
        case .yellowCard(let card), .redCard(let card): return card
        default: return nil
        }
    }

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) }
    }
}

/// Runs `body`, failing with a message naming `what` if it has not finished within `limit` — a guard
/// against a hang, not an assertion on speed.
func withDeadline<Result: Sendable>(
    _ what: String, limit: Duration = .seconds(90), _ body: @escaping @Sendable () async throws -> Result
) async throws -> Result {
    try await withThrowingTaskGroup(of: Result?.self) { tasks in
        tasks.addTask { try await body() }
        tasks.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { tasks.cancelAll() }
        guard let first = try await tasks.next(), let result = first else {
            throw FixtureError("gave up \(what) after \(limit)")
        }
        return result
    }
}
