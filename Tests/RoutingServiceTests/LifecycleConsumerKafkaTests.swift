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
/// routing's dispatches out, a second delivery of everything changing nothing, a poison event
/// dead-lettered.
@Suite struct LifecycleConsumerKafkaTests {
    static let partitions: Int32 = 3

    @Test func filedCasesPublishedByIntakeAreDispatchedOnceOverKafkaAndPoisonIsDeadLettered() async throws {
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let logger = TestDatabase.defaultLogger(label: "routing.kafka-test")
        let kafka = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers], clientID: "routing-kafka-test")
        let admin = try KafkaAdmin(configuration: kafka, logger: logger)
        try await admin.createTopics([
            TopicSpecification(name: ContractTopic.caseLifecycle, partitions: Int(Self.partitions)),
            TopicSpecification(name: ContractTopic.deadLetter(of: ContractTopic.caseLifecycle), partitions: 1),
        ])

        try await RoutingHarness.with(kafkaBrokers: broker.bootstrapServers) { harness, _ in
            var cases: [IntakeCase] = []
            for index in 0..<20 {
                var intake = try IntakeCase(category: index % 2 == 0 ? "E0102" : "C0102")
                try intake.file()
                cases.append(intake)
            }
            let messages = try cases.flatMap { try Self.messages(of: $0) }
            let poisonCase = CaseID()
            let poison = CloudEvent(
                id: "poison-1", source: ContractSource.intake, type: "gridloop.case.filed.v1", subject: poisonCase.description,
                dataContentType: "application/json", data: Array(#"{"caseId":"not a case"}"#.utf8))

            let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
            try await Self.whileRunning([producer] + harness.routing.producers + harness.routing.consumers, logger: logger) {
                let reports = await producer.send(
                    batch: messages + [KafkaProducerMessage(try poison.kafkaMessage(topic: ContractTopic.caseLifecycle))])
                #expect(reports.allSatisfy { if case .success = $0 { true } else { false } })

                let dispatched = try await Self.eventually {
                    try await RoutingDatabase.count("SELECT count(*)::int8 FROM assignments", in: harness.database)
                } until: { $0 == 20 }
                #expect(dispatched == 20)
                let awaitingSignFor = try await RoutingDatabase.count(
                    "SELECT count(*)::int8 FROM cases WHERE state = 'dispatched' AND task_status = 'dispatched'", in: harness.database)
                #expect(awaitingSignFor == 20)

                // Routing's dispatches reach the topic through the outbox relay (after intake's 40 records and the poison).
                let records = try await Self.read(atLeast: 61, from: ContractTopic.caseLifecycle, kafka: kafka, logger: logger)
                let routingEvents = try Self.routingEvents(in: records)
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

                // Everything delivered again, then new cases until every partition got one: once the new
                // cases are dispatched, the consumer has passed every repeat (a partition is consumed in
                // order). The partitioner places them by key (a fixed partition would hit GridKafka's
                // field-array overflow when a key is set too).
                let replicasBefore = try await Self.replicaDigest(harness.database)
                #expect(await producer.send(batch: messages).allSatisfy { if case .success = $0 { true } else { false } })
                var markers: [IntakeCase] = []
                var markedPartitions: Set<Int32> = []
                while markedPartitions.count < Int(Self.partitions), markers.count < 64 {
                    var marker = try IntakeCase()
                    try marker.file()
                    markers.append(marker)
                    for report in await producer.send(batch: try Self.messages(of: marker)) {
                        if case .success(let delivery) = report { markedPartitions.insert(delivery.partition) }
                    }
                }
                #expect(markedPartitions.count == Int(Self.partitions))
                let afterRepeat = try await Self.eventually {
                    try await RoutingDatabase.count("SELECT count(*)::int8 FROM assignments", in: harness.database)
                } until: { $0 == 20 + markers.count }
                #expect(afterRepeat == 20 + markers.count)
                let perCase = try await RoutingDatabase.count(
                    "SELECT max(n)::int8 FROM (SELECT count(*) AS n FROM assignments GROUP BY case_id) AS c", in: harness.database)
                #expect(perCase == 1)
                let replicasAfter = try await Self.replicaDigest(harness.database, excluding: markers.map(\.id))
                #expect(replicasAfter == replicasBefore)

                // The topic holds intake's 40 records twice, the poison, 2 per marker, and one dispatch per case, none twice.
                let total = 81 + 2 * markers.count + 20 + markers.count
                let all = try await Self.read(atLeast: total, from: ContractTopic.caseLifecycle, kafka: kafka, logger: logger)
                #expect(all.count == total)
                let dispatches = try Self.routingEvents(in: all)
                #expect(dispatches.count == 20 + markers.count && Set(dispatches.compactMap(\.subject)).count == 20 + markers.count)
                let deadAfter = try await Self.read(atLeast: 1, from: ContractTopic.deadLetter(of: ContractTopic.caseLifecycle), kafka: kafka, logger: logger)
                #expect(deadAfter.count == 1)
            }
        }
    }

    /// Intake's lifecycle records of `intake`, keyed by case id.
    static func messages(of intake: IntakeCase) throws -> [KafkaProducerMessage] {
        try intake.events.map { event in
            var cloud = try RoutingEvents.cloudEvent(event)
            cloud.source = ContractSource.intake
            return KafkaProducerMessage(try cloud.kafkaMessage(topic: ContractTopic.caseLifecycle))
        }
    }

    /// The records routing published.
    static func routingEvents(in records: [KafkaConsumerMessage]) throws -> [CloudEvent] {
        try records.map { try CloudEvent(message: IncomingMessage($0)) }.filter { $0.source == ContractSource.routing }
    }

    /// Every replica's id, state, last sequence and task status, in id order (except `excluding`).
    static func replicaDigest(_ database: TestDatabase, excluding: [CaseID] = []) async throws -> [String] {
        let rows = try await database.client.query(
            """
            SELECT case_id::text || ' ' || state || ' ' || last_sequence::text || ' ' || coalesce(task_status, '-') FROM cases
            WHERE NOT (case_id::text = ANY(\(excluding.map(\.description)))) ORDER BY case_id
            """,
            logger: database.logger)
        var digest: [String] = []
        for try await line in rows.decode(String.self) { digest.append(line) }
        return digest
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
