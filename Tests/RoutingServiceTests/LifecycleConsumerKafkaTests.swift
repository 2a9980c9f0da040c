import Foundation
import GridDomain
import GridKafka
import GridRuntime
import Logging
import PostgresNIO
import RoutingService
import ServiceLifecycle
import Testing
import TestSupport

/// Routing's consumer and relay with a real Tansu broker and PostgreSQL: intake's events in,
/// routing's dispatches out, a poison event dead-lettered.
@Suite struct LifecycleConsumerKafkaTests {
    @Test func filedCasesPublishedByIntakeAreDispatchedOverKafkaAndPoisonIsDeadLettered() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let logger = TestDatabase.defaultLogger(label: "routing.kafka-test")
        let kafka = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers], clientID: "routing-kafka-test")
        let admin = try KafkaAdmin(configuration: kafka, logger: logger)
        try await admin.createTopics([
            TopicSpecification(name: ContractTopic.caseLifecycle, partitions: 3),
            TopicSpecification(name: ContractTopic.deadLetter(of: ContractTopic.caseLifecycle), partitions: 1),
        ])

        try await RoutingHarness.with(kafkaBrokers: broker.bootstrapServers) { harness, _ in
            var cases: [IntakeCase] = []
            for index in 0..<20 {
                var intake = try IntakeCase(category: index % 2 == 0 ? "E0102" : "C0102")
                try intake.file()
                cases.append(intake)
            }
            var messages: [KafkaProducerMessage] = []
            for intake in cases {
                for event in intake.events {
                    var cloud = try RoutingEvents.cloudEvent(event)
                    cloud.source = ContractSource.intake
                    messages.append(KafkaProducerMessage(try cloud.kafkaMessage(topic: ContractTopic.caseLifecycle)))
                }
            }
            let poisonCase = CaseID()
            let poison = CloudEvent(
                id: "poison-1", source: ContractSource.intake, type: "gridloop.case.filed.v1", subject: poisonCase.description,
                dataContentType: "application/json", data: Array(#"{"caseId":"not a case"}"#.utf8))
            messages.append(KafkaProducerMessage(try poison.kafkaMessage(topic: ContractTopic.caseLifecycle)))

            let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
            try await Self.whileRunning([producer] + harness.routing.producers + harness.routing.consumers, logger: logger) {
                let reports = await producer.send(batch: messages)
                #expect(reports.allSatisfy { if case .success = $0 { true } else { false } })

                let dispatched = try await Self.eventually {
                    try await RoutingDatabase.count("SELECT count(*)::int8 FROM assignments", in: harness.database)
                } until: { $0 == 20 }
                #expect(dispatched == 20)

                // Routing's dispatches reach the topic through the outbox relay (after intake's 41 records).
                let records = try await Self.read(atLeast: 61, from: ContractTopic.caseLifecycle, kafka: kafka, logger: logger)
                let routingEvents = try records.map { try CloudEvent(message: IncomingMessage($0)) }.filter { $0.source == ContractSource.routing }
                #expect(routingEvents.count == 20 && routingEvents.allSatisfy { $0.type == "gridloop.case.dispatched.v1" })
                #expect(Set(routingEvents.compactMap(\.subject)) == Set(cases.map(\.id.description)))
                let outbox = try await Self.eventually {
                    try await RoutingDatabase.count("SELECT count(*)::int8 FROM outbox", in: harness.database)
                } until: { $0 == 0 }
                #expect(outbox == 0)

                let dead = try await Self.read(atLeast: 1, from: ContractTopic.deadLetter(of: ContractTopic.caseLifecycle), kafka: kafka, logger: logger)
                let headers = Dictionary(dead[0].headers.map { ($0.name, String(decoding: $0.value ?? [], as: UTF8.self)) }) { first, _ in first }
                #expect(headers["ce_id"] == "poison-1" && headers["dlt.original.topic"] == ContractTopic.caseLifecycle)
                #expect(headers["dlt.consumer"] == "routing" && headers["dlt.error.message"]?.contains("filed") == true)
            }
        }
    }

    /// Runs `services` in a ServiceGroup while `body` runs, then shuts them down gracefully.
    static func whileRunning(_ services: [any Service], logger: Logger, _ body: () async throws -> Void) async throws {
        var configuration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: logger)
        configuration.maximumGracefulShutdownDuration = .seconds(15)
        let group = ServiceGroup(configuration: configuration)
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                try await body()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            } catch {
                tasks.cancelAll()
                throw error
            }
        }
    }

    /// Polls `value` until `done` holds or 60 s pass; returns the last value (the caller asserts on it).
    static func eventually<Value: Sendable>(
        _ value: () async throws -> Value, until done: (Value) -> Bool
    ) async throws -> Value {
        let deadline = ContinuousClock.now + .seconds(60)
        var last = try await value()
        while !done(last), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            last = try await value()
        }
        return last
    }

    /// Reads at least `count` records of `topic` from the beginning with a fresh group (60 s at most).
    static func read(atLeast count: Int, from topic: String, kafka: KafkaConfiguration, logger: Logger) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(
            configuration: .init(
                kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], sessionTimeout: .seconds(6),
                maxPollInterval: .seconds(6), revokeTimeout: .seconds(4)),
            logger: logger)
        return try await withThrowingTaskGroup(of: [KafkaConsumerMessage]?.self) { tasks in
            tasks.addTask {
                try await consumer.run()
                return nil
            }
            tasks.addTask {
                var records: [KafkaConsumerMessage] = []
                for try await batch in consumer.batches {
                    records += batch
                    try await consumer.commit(batch)
                    if records.count >= count { break }
                }
                return records
            }
            tasks.addTask {
                try await Task.sleep(for: .seconds(60))
                return []
            }
            var result: [KafkaConsumerMessage] = []
            for try await records in tasks {
                if let records {
                    result = records
                    break
                }
            }
            tasks.cancelAll()
            return result
        }
    }
}
