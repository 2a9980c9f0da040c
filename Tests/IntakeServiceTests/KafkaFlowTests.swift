import Foundation
import GridDomain
import GridKafka
import GridRuntime
import Logging
import PostgresNIO
import ServiceLifecycle
import Testing
import TestSupport

@testable import IntakeService

/// Intake's consumers and relay against a real Tansu broker and PostgreSQL: work orders in, cases and
/// events out, poison orders dead-lettered with the reason, disposal reports answered with a check.
@Suite("Kafka flow", .serialized)
struct KafkaFlowTests {
    static let topics = [ContractTopic.hotlineWorkOrders, ContractTopic.sensingAlerts, ContractTopic.caseLifecycle]

    @Test func workOrdersBecomeCasesAndPoisonOrdersAreDeadLetteredWithTheReason() async throws {
        try await IntakeFixture.with { fixture in
            try await Self.withBroker(fixture) { kafka, producer in
                let orders: [(key: String, value: [UInt8])] = [
                    ("GD-A", InboundOrderTests.order(number: "GD-A")),
                    ("GD-B", InboundOrderTests.order(number: "GD-B", category: "E0101")),
                    ("GD-A", InboundOrderTests.order(number: "GD-A")),  // sent again
                    ("GD-X", Array(#"{"schemaVersion":1,"orderNumber":"GD-X","channel":"12345"}"#.utf8)),
                    ("GD-O", InboundOrderTests.order(number: "GD-O", point: (121.47, 31.23))),
                    ("junk", Array("not json".utf8)),
                ]
                try await Self.send(
                    orders.map { OutgoingMessage(topic: ContractTopic.hotlineWorkOrders, key: Array($0.key.utf8), headers: [], value: $0.value) },
                    producer: producer)
                try await Self.withIntake(fixture, kafka: kafka) {
                    try await Self.waitUntil { try await fixture.count("SELECT count(*) FROM cases") == 2 }
                    let dead = try await Self.read(3, from: ContractTopic.deadLetter(of: ContractTopic.hotlineWorkOrders), kafka: kafka)
                    let byKey = Dictionary(uniqueKeysWithValues: dead.map { (String(decoding: $0.key ?? [], as: UTF8.self), $0) })
                    #expect(Set(byKey.keys) == ["GD-X", "GD-O", "junk"])
                    #expect(byKey["GD-X"]?.header("dlt.error.type") == "GridDomain.ContractValidationError")
                    #expect(byKey["GD-X"]?.header("dlt.error.message")?.contains("receivedAt (missing)") == true)
                    #expect(byKey["GD-O"]?.header("dlt.error.type") == "IntakeService.LocationError")
                    #expect(byKey["GD-O"]?.header("dlt.error.message")?.contains("location_outside_city") == true)
                    #expect(byKey["junk"]?.header("dlt.error.message")?.contains("not a JSON object") == true)
                    #expect(byKey["GD-X"]?.value == orders[3].value)

                    // The relay publishes the cases' events: GD-A filed at once, GD-B sent to verification.
                    let events = try await Self.read(4, from: ContractTopic.caseLifecycle, kafka: kafka)
                    let types = events.compactMap { $0.header("ce_type") }.sorted()
                    #expect(
                        types == [
                            "gridloop.case.filed.v1", "gridloop.case.reported.v1", "gridloop.case.reported.v1",
                            "gridloop.case.verification-requested.v1",
                        ])
                    #expect(events.allSatisfy { $0.header("ce_source") == ContractSource.intake })
                    #expect(try await fixture.count("SELECT count(*) FROM hotline_orders") == 2)
                }
            }
        }
    }

    @Test func aDisposalReportedByRoutingOpensTheCheckOnceEvenWhenEventsArriveTwice() async throws {
        try await IntakeFixture.with { fixture in
            try await Self.withBroker(fixture) { kafka, producer in
                let filed = try await fixture.openFiledCase()
                var routing = RoutingSide(filed, lifecycle: fixture.city.lifecycle)
                let steps = try Self.records(routing.dispose(), of: filed)
                // A second case whose sign-for never arrives: its disposal report cannot be replayed.
                let gapped = try await fixture.openFiledCase()
                var gappedRouting = RoutingSide(gapped, lifecycle: fixture.city.lifecycle)
                let gappedSteps = try Self.records(gappedRouting.dispose(), of: gapped)
                // Every step of the first case delivered twice (a relay that republished after a crash).
                try await Self.send(steps + steps + [gappedSteps[0], gappedSteps[2]], producer: producer)
                try await Self.withIntake(fixture, kafka: kafka) {
                    try await Self.waitUntil { try await fixture.stored(filed.replica.id)?.replica.state == .checking }
                    let dead = try await Self.read(1, from: ContractTopic.deadLetter(of: ContractTopic.caseLifecycle), kafka: kafka)
                    #expect(dead.map { String(decoding: $0.key ?? [], as: UTF8.self) } == [gapped.replica.id.description])
                    #expect(dead.first?.header("ce_type") == "gridloop.case.disposal-reported.v1")
                    #expect(dead.first?.header("dlt.error.type")?.hasSuffix("CaseReplayError") == true)
                    // Intake's own events come back on the topic (reported + filed of both cases, the
                    // check-assigned of the first): with routing's three + one applicable steps, 9 distinct
                    // events are processed by the lifecycle consumer.
                    try await Self.waitUntil {
                        try await fixture.count("SELECT count(*) FROM inbox WHERE consumer = 'intake-test-lifecycle'") == 9
                    }
                    let types = try await fixture.timelineTypes(of: filed.replica.id)
                    #expect(
                        types == [
                            "gridloop.case.reported.v1", "gridloop.case.filed.v1", "gridloop.case.dispatched.v1",
                            "gridloop.case.signed-for.v1", "gridloop.case.disposal-reported.v1", "gridloop.case.check-assigned.v1",
                        ])
                    #expect(try await fixture.stored(filed.replica.id)?.replica.lastSequence == filed.replica.lastSequence + 4)
                    #expect(try await fixture.stored(gapped.replica.id)?.replica.state == .dispatched)

                    let published = try await Self.read(13, from: ContractTopic.caseLifecycle, kafka: kafka)
                    let checkAssigned = published.filter { $0.header("ce_type") == "gridloop.case.check-assigned.v1" }
                    #expect(checkAssigned.count == 1)
                    #expect(checkAssigned.first?.header("ce_source") == ContractSource.intake)
                    #expect(checkAssigned.first?.header("ce_subject") == filed.replica.id.description)
                }
            }
        }
    }

    // MARK: - Harness

    static func withBroker(
        _ fixture: IntakeFixture, _ body: (KafkaConfiguration, KafkaProducer) async throws -> Void
    ) async throws {
        let logger = fixture.database.logger
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let kafka = KafkaConfiguration(bootstrapServers: [broker.bootstrapServers], clientID: "intake-tests")
        let admin = try KafkaAdmin(configuration: kafka, logger: logger)
        try await admin.createTopics(
            topics.flatMap { [TopicSpecification(name: $0, partitions: 2), TopicSpecification(name: ContractTopic.deadLetter(of: $0), partitions: 1)] })
        let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
        try await running([producer]) { try await body(kafka, producer) }
    }

    /// Runs intake's producer, relay and consumers (as the service does) while `body` runs.
    static func withIntake(_ fixture: IntakeFixture, kafka: KafkaConfiguration, _ body: () async throws -> Void) async throws {
        let messaging = try ServiceMessaging(
            kafka: kafka, outbox: fixture.desk.outbox, client: fixture.database.client, logger: fixture.database.logger)
        let consumers = try fixture.desk.consumers(on: messaging, group: "intake-test", catalog: fixture.city.reference.catalog)
        try await running(messaging.producers + consumers, body)
    }

    /// Routing's lifecycle messages as the Kafka records its relay would publish.
    static func records(_ messages: [LifecycleMessage], of stored: StoredCase) throws -> [OutgoingMessage] {
        try messages.map { message in
            try CloudEvent(
                id: message.id, source: message.source, type: message.type, subject: stored.replica.id.description,
                time: Date(), dataContentType: CloudEvent.jsonContentType, data: Array(message.data.utf8)
            ).kafkaMessage(topic: ContractTopic.caseLifecycle)
        }
    }

    static func send(_ messages: [OutgoingMessage], producer: KafkaProducer) async throws {
        for result in await KafkaMessagePublisher(producer: producer).publish(messages) { try result.get() }
    }

    static func read(_ count: Int, from topic: String, kafka: KafkaConfiguration) async throws -> [KafkaConsumerMessage] {
        let consumer = try KafkaConsumer(
            configuration: .init(
                kafka: kafka, groupID: "reader-\(UUID().uuidString)", topics: [topic], sessionTimeout: .seconds(6),
                maxPollInterval: .seconds(6), revokeTimeout: .seconds(4)),
            logger: Logger(label: "reader"))
        return try await running([consumer]) {
            var records: [KafkaConsumerMessage] = []
            for try await batch in consumer.batches {
                records += batch
                try await consumer.commit(batch)
                if records.count >= count { break }
            }
            return records
        }
    }

    /// Polls `condition` every 100 ms for up to 60 s (a bound on waiting, not a timed assertion).
    static func waitUntil(_ condition: () async throws -> Bool) async throws {
        for _ in 0..<600 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(100))
        }
        Issue.record("condition not met within 60 s")
    }

    /// Runs `services` in a ServiceGroup while `body` runs, then shuts them down gracefully.
    static func running<Result: Sendable>(_ services: [any Service], _ body: () async throws -> Result) async throws -> Result {
        var configuration = ServiceGroupConfiguration(
            services: services.map { .init(service: $0) }, gracefulShutdownSignals: [], logger: Logger(label: "intake-tests"))
        configuration.maximumGracefulShutdownDuration = .seconds(15)
        let group = ServiceGroup(configuration: configuration)
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            do {
                let result = try await body()
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return result
            } catch {
                tasks.cancelAll()
                throw error
            }
        }
    }
}

extension KafkaConsumerMessage {
    /// The text of the first header called `name`.
    func header(_ name: String) -> String? {
        headers.first { $0.name == name }.flatMap { $0.value.map { String(decoding: $0, as: UTF8.self) } }
    }
}

extension IntakeFixture {
    /// A `SELECT count(*)`.
    func count(_ sql: String) async throws -> Int {
        let rows = try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: database.logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
