import Foundation
import GridDomain
import GridKafka
import GridRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresNIO
import ServiceLifecycle
import Synchronization
import TestSupport
import Testing

@testable import AssessmentService

/// The service's own Kafka wiring (`ServiceMessaging`: producer, relay, lifecycle consumer group with
/// the batch handler) on a real Tansu broker and a real PostgreSQL: the scenario's events go in
/// through `gridloop.case.lifecycle`, the indicators come out of `GET /v1/indicators`; redelivered
/// events change nothing; poison records land in `gridloop.case.lifecycle.dlt`.
@Suite(.serialized) struct LifecycleConsumerTests {
    static let topic = ContractTopic.caseLifecycle
    static let deadLetterTopic = DeadLetter.topic(for: ContractTopic.caseLifecycle)

    @Test func scenarioThroughTansuGivesTheIndicatorsOnceAndPoisonIsDeadLettered() async throws {
        let logger = TestDatabase.defaultLogger(label: "assessment.consumer-test")
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let kafka = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers], clientID: "assessment-test")
        try await KafkaAdmin(configuration: kafka, logger: logger).createTopics([
            TopicSpecification(name: Self.topic, partitions: 3), TopicSpecification(name: Self.deadLetterTopic, partitions: 1),
        ])
        let scenario = try AssessmentScenario()
        let events = try scenario.messages.map(Self.cloudEvent)

        try await TestDatabase.withDatabase(schema: AssessmentDatabase.schema, logger: logger) { database in
            let tally = Mutex(EventConsumer.BatchReport())
            let service = try await Assessment(
                resources: ServiceResources(
                    configuration: ServiceConfiguration(
                        serviceName: Assessment.name, cityDirectory: SampleCity.directory,
                        database: .init(host: "127.0.0.1", name: database.name, user: database.role, schema: AssessmentDatabase.schema),
                        kafka: try KafkaSettings(environment: ["KAFKA_BROKERS": broker.bootstrapServers], defaultClientID: Assessment.name),
                        auth: TestTokens.auth),
                    settings: AssessmentSettings(batchSize: 20), postgres: database.client, logger: logger, metrics: ServiceMetrics()),
                configureConsumer: { configuration in
                    configuration.backoff = RetryBackoff(initialDelay: .milliseconds(10), maximumDelay: .milliseconds(200))
                    configuration.onBatch = { report in
                        tally.withLock { total in
                            total.messages += report.messages
                            total.processed += report.processed
                            total.duplicates += report.duplicates
                            total.deadLettered += report.deadLettered
                        }
                    }
                })
            try await service.migrate(client: database.client, logger: logger)
            let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
            let group = ServiceGroup(
                configuration: .init(
                    services: ([producer] + service.producers + service.consumers).map { .init(service: $0) },
                    gracefulShutdownSignals: [], logger: logger))

            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await group.run() }

                // 1. Every event of the day, each case's on its own key (partition), in order.
                try await Self.send(events.map { try $0.kafkaMessage(topic: Self.topic) }, with: producer)
                try await eventually("the scenario's \(events.count) events are consumed") {
                    tally.withLock { $0.messages } == events.count
                }
                #expect(tally.withLock { $0 }.processed == events.count)
                try await expectScenarioIndicators(service: service)
                let facts = try await Self.factsDigest(database)
                #expect(try await AssessmentDatabase.count("SELECT count(*) FROM event_facts", in: database) == events.count)
                #expect(try await AssessmentDatabase.count("SELECT count(*) FROM case_facts", in: database) == scenario.cases.count)

                // 2. Everything delivered again (a relay that republished), a step under a new id, and two
                //    poison records: an invalid step and a record that is not a CloudEvent.
                let fileStep = try #require(events.first { $0.type == ContractEventType.caseStep(.file) })
                var republished = fileStep
                republished.id = UUID().uuidString.lowercased()
                let invalid = CloudEvent(
                    id: UUID().uuidString.lowercased(), source: ContractSource.routing, type: ContractEventType.caseStep(.close),
                    subject: fileStep.subject, time: Date(), dataContentType: CloudEvent.jsonContentType,
                    data: Array(#"{"caseId":"not a uuid"}"#.utf8))
                let notAnEvent = OutgoingMessage(
                    topic: Self.topic, key: fileStep.subject.map { Array($0.utf8) }, headers: [], value: Array("not an event".utf8))
                let poison = [try invalid.kafkaMessage(topic: Self.topic), notAnEvent]
                try await Self.send(try events.map { try $0.kafkaMessage(topic: Self.topic) } + [republished.kafkaMessage(topic: Self.topic)] + poison, with: producer)
                try await eventually("the second round is consumed") {
                    tally.withLock { $0.messages } == 2 * events.count + 3
                }
                let total = tally.withLock { $0 }
                #expect(total.duplicates == events.count)
                #expect(total.processed == events.count + 1)  // the republished step: new to the inbox, ignored by the facts
                #expect(total.deadLettered == 2)
                #expect(try await Self.factsDigest(database) == facts)
                #expect(try await AssessmentDatabase.count("SELECT count(*) FROM event_facts", in: database) == events.count)
                try await expectScenarioIndicators(service: service)

                // The assessment service announces nothing: its outbox stays empty.
                #expect(try await AssessmentDatabase.count("SELECT count(*) FROM outbox", in: database) == 0)

                let letters = try await Self.read(2, from: Self.deadLetterTopic, kafka: kafka, logger: logger)
                let byType = Dictionary(
                    letters.map { letter in
                        let headers = letter.headers.map(MessageHeader.init)
                        return (headers.text(named: "dlt.error.type") ?? "", headers)
                    }, uniquingKeysWith: { first, _ in first })
                #expect(letters.count == 2)
                let rejected = try #require(byType["AssessmentService.InvalidLifecycleEvent"], "types: \(byType.keys.sorted())")
                #expect(rejected.text(named: "dlt.consumer") == Assessment.name)
                #expect(rejected.text(named: "dlt.original.topic") == Self.topic)
                #expect(rejected.text(named: "ce_id") == invalid.id)
                #expect(rejected.text(named: "dlt.error.message")?.contains(invalid.id) == true)
                let undecodable = try #require(byType["GridRuntime.CloudEventError"], "types: \(byType.keys.sorted())")
                #expect(undecodable.text(named: "dlt.consumer") == Assessment.name)
                #expect(letters.allSatisfy { $0.key == fileStep.subject.map { Array($0.utf8) } })

                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
            }
        }
    }

    /// `GET /v1/indicators` through the service's routes gives the scenario's exact totals.
    func expectScenarioIndicators(service: Assessment) async throws {
        let router = Router(context: GridRequestContext.self)
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: JWTAuthenticator<GridRequestContext>(verifier: try await TokenVerifier(configuration: TestTokens.auth)))
        service.addRoutes(to: router)
        let token = try await TestTokens.token(roles: ["auditor"], places: ["*"])
        try await Application(router: router).test(.router) { client in
            try await client.execute(
                uri: "/v1/indicators?\(IndicatorRoutesTests.query)&groupBy=district", method: .get,
                headers: [.authorization: "Bearer \(token)"]
            ) { response in
                #expect(response.status == .ok)
                let report = try JSONDecoder().decode(IndicatorRoutesTests.Report.self, from: Data(String(buffer: response.body).utf8))
                let expected = AssessmentScenario.expectedTotal
                #expect(report.total.counts["filed"] == expected.filed)
                #expect(report.total.counts["voided"] == expected.voided)
                #expect(report.total.counts["dueForClosing"] == expected.dueForClosing)
                #expect(report.total.counts["disposed"] == expected.disposed)
                #expect(report.total.counts["overdueUndisposed"] == expected.overdueUndisposed)
                #expect(report.total.counts["closed"] == expected.closed)
                #expect(report.total.counts["closedOnTime"] == expected.closedOnTime)
                #expect(report.total.counts["parkedExcluded"] == expected.parkedExcluded)
                #expect(report.total.counts["reworked"] == expected.reworked)
                #expect(report.total.counts["disposedLate"] == expected.disposedLate)
                #expect(report.total.redCardsByStage == ["dispose": 4])
                #expect(report.total.ratios["closingRate"]?.value == Decimal(string: "0.8333"))
                #expect(report.groups.compactMap(\.key).sorted() == ["339901", "339902"])
            }
        }
    }

    /// The scenario's message as the producing service would publish it: source by type, subject and
    /// key the case id.
    static func cloudEvent(_ message: LifecycleMessage) throws -> CloudEvent {
        let event = try LifecycleTopicEventV1.decode(type: message.type, data: message.data)
        let source: String =
            switch event {
            case .reported: ContractSource.intake
            case .yellowCard, .redCard: ContractSource.slaMonitor
            default: ContractSource.routing
            }
        return CloudEvent(
            id: message.eventID, source: source, type: message.type, subject: event.caseId.map { "\($0)" }, time: Date(),
            dataContentType: CloudEvent.jsonContentType, data: Array(message.data))
    }

    /// Sends `messages` in one batch and requires every delivery to succeed.
    static func send(_ messages: [OutgoingMessage], with producer: KafkaProducer) async throws {
        for result in await producer.send(batch: messages.map(KafkaProducerMessage.init)) {
            _ = try result.get()
        }
    }

    /// A digest of every case fact row, to show a redelivery changed nothing.
    static func factsDigest(_ database: TestDatabase) async throws -> String {
        let rows = try await database.client.query(
            "SELECT md5(string_agg(to_jsonb(c)::text, '|' ORDER BY c.case_id)) FROM case_facts c", logger: database.logger)
        for try await digest in rows.decode(String.self) { return digest }
        return ""
    }

    /// Reads `count` records of `topic` with a fresh consumer group.
    static func read(_ count: Int, from topic: String, kafka: KafkaConfiguration, logger: Logger) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(
            configuration: .init(kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], revokeTimeout: .seconds(4)),
            logger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await consumer.run() }
            defer { tasks.cancelAll() }
            var records: [KafkaConsumerMessage] = []
            for try await batch in consumer.batches {
                records += batch
                try await consumer.commit(batch)
                if records.count >= count { break }
            }
            return records
        }
    }
}

/// Waits, polling, until `condition` holds; fails with `what` after `timeout` (a bound against
/// hanging, not a speed assertion).
func eventually(_ what: String, timeout: Duration = .seconds(90), _ condition: () async throws -> Bool) async throws {
    let deadline = ContinuousClock.now + timeout
    while ContinuousClock.now < deadline {
        if try await condition() { return }
        try await Task.sleep(for: .milliseconds(50))
    }
    Issue.record("timed out after \(timeout) waiting until \(what)")
    throw CancellationError()
}
