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
                    try await waitUntil("the two valid orders are cases") { try await fixture.count("SELECT count(*) FROM cases") == 2 }
                    let dead = try await TopicReader(kafka: kafka, logger: fixture.database.logger)
                        .read(3, from: ContractTopic.deadLetter(of: ContractTopic.hotlineWorkOrders))
                    let byKey = Dictionary(uniqueKeysWithValues: dead.map { (String(decoding: $0.key ?? [], as: UTF8.self), $0) })
                    #expect(Set(byKey.keys) == ["GD-X", "GD-O", "junk"])
                    #expect(byKey["GD-X"]?.header("dlt.error.type") == "GridDomain.ContractValidationError")
                    #expect(byKey["GD-X"]?.header("dlt.error.message")?.contains("receivedAt (missing)") == true)
                    #expect(byKey["GD-O"]?.header("dlt.error.type") == "IntakeService.LocationError")
                    #expect(byKey["GD-O"]?.header("dlt.error.message")?.contains("location_outside_city") == true)
                    #expect(byKey["junk"]?.header("dlt.error.message")?.contains("not a JSON object") == true)
                    #expect(byKey["GD-X"]?.value == orders[3].value)

                    // The relay publishes the cases' events: GD-A filed at once, GD-B sent to verification.
                    let events = try await TopicReader(kafka: kafka, logger: fixture.database.logger).read(4, from: ContractTopic.caseLifecycle)
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
                    try await waitUntil("the disposed case is being checked") { try await fixture.stored(filed.replica.id)?.replica.state == .checking }
                    let dead = try await TopicReader(kafka: kafka, logger: fixture.database.logger)
                        .read(1, from: ContractTopic.deadLetter(of: ContractTopic.caseLifecycle))
                    #expect(dead.map { String(decoding: $0.key ?? [], as: UTF8.self) } == [gapped.replica.id.description])
                    #expect(dead.first?.header("ce_type") == "gridloop.case.disposal-reported.v1")
                    #expect(dead.first?.header("dlt.error.type")?.hasSuffix("CaseReplayError") == true)
                    // Intake's own events come back on the topic (reported + filed of both cases, the
                    // check-assigned of the first): with routing's three + one applicable steps, 9 distinct
                    // events are processed by the lifecycle consumer.
                    try await waitUntil("the lifecycle consumer has processed 9 events") {
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

                    let published = try await TopicReader(kafka: kafka, logger: fixture.database.logger).read(13, from: ContractTopic.caseLifecycle)
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
        let kafka = broker.kafkaConfiguration(clientID: "intake-tests")
        try await broker.createTopicsWithDeadLetters(topics, partitions: 2, logger: logger)
        let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
        try await withServiceGroup([producer], logger: logger, maximumGracefulShutdownDuration: .seconds(15)) {
            try await body(kafka, producer)
        }
    }

    /// Runs intake's producer, relay and consumers (as the service does) while `body` runs.
    static func withIntake(_ fixture: IntakeFixture, kafka: KafkaConfiguration, _ body: () async throws -> Void) async throws {
        let messaging = try ServiceMessaging(
            kafka: kafka, outbox: fixture.desk.outbox, client: fixture.database.client, logger: fixture.database.logger)
        let consumers = try fixture.desk.consumers(on: messaging, group: "intake-test", catalog: fixture.city.reference.catalog)
        try await withServiceGroup(
            messaging.producers + consumers, logger: fixture.database.logger, maximumGracefulShutdownDuration: .seconds(15), body)
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
}

extension IntakeFixture {
    /// A `SELECT count(*)`.
    func count(_ sql: String) async throws -> Int {
        let rows = try await database.client.query(PostgresQuery(unsafeSQL: sql), logger: database.logger)
        for try await count in rows.decode(Int.self) { return count }
        return 0
    }
}
