import Foundation
import GridDomain
import GridKafka
import GridRuntime
import Logging
import NotificationService
import PostgresNIO
import ServiceLifecycle
import Testing
import TestSupport

/// The service as `ServiceRunner` wires it (producers, consumers, readiness through `ServiceMessaging`)
/// against a real Tansu and PostgreSQL: lifecycle events in, notices recorded and sent to the sink;
/// redelivered and republished events adding nothing; a poison message dead-lettered.
@Suite("Lifecycle consumer on Kafka")
struct ConsumerTests {
    static let topic = ContractTopic.caseLifecycle

    @Test("a case's events become sent notices once, whatever is redelivered or republished; a poison message goes to the .dlt")
    func consumeOnKafka() async throws {
        let logger = TestDatabase.defaultLogger(label: "notification-consumer-test")
        let broker = try await TansuBroker.started()
        defer { broker.stop() }
        let kafka = broker.kafkaConfiguration(clientID: "notification-tests")
        try await broker.createTopicsWithDeadLetters([Self.topic], partitions: 3, logger: logger)
        let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
        let publisher = KafkaMessagePublisher(producer: producer)
        try await whileRunning(producer) {
            try await NotificationDatabase.with { database in
                let service = try await Notifications(
                    resources: HTTPTestSupport.resources(
                        database, settings: NotificationSettings(worker: .init(batchSize: 50, pollInterval: .milliseconds(50))),
                        kafkaBrokers: broker.bootstrapServers))
                for check in service.readinessChecks { try await check.check() }
                let (events, states) = try NotificationFixtures.hotlineCase()
                let caseId = states[0].id
                let key = caseId.description
                let messages = try events.map { try $0.cloudEvent().kafkaMessage(topic: Self.topic, key: key) }
                try await withServiceGroup(service.producers + service.consumers, logger: logger) {
                    // The whole case, with a dispatch step whose data is broken in the middle of it.
                    let poison = CloudEvent(
                        id: "poison-1", source: ContractSource.routing, type: ContractEventType.caseStep(.dispatch),
                        subject: key, time: Date(), dataContentType: "application/json", data: Array(#"{"caseId":1}"#.utf8))
                    let firstRound = Array(messages[..<4]) + [try poison.kafkaMessage(topic: Self.topic, key: key)] + Array(messages[4...])
                    #expect(await publisher.publish(firstRound).allSatisfy { (try? $0.get()) != nil })

                    // Dispatch (lead and co-unit) and close (reporter): three notices, sent by the worker to the sink.
                    try await waitUntil("the 3 notices are sent") { try await Self.sent(caseId: caseId.rawValue, database: database) >= 3 }
                    #expect(try await Self.sent(caseId: caseId.rawValue, database: database) == 3)
                    let before = try await DeliveryStore().list(.init(caseId: caseId.rawValue), on: database.client, logger: database.logger)

                    // The same records again (a redelivery), the same events under new CloudEvents ids (a
                    // producer re-emitting), then a red card for sign-for issued before the case moved on: it
                    // comes after the steps that ended the stage, so its two notices are recorded suppressed,
                    // not sent. Once they are recorded, everything before the card on the case's partition
                    // has been handled.
                    let republished = try events.map { published -> OutgoingMessage in
                        var event = published.cloudEvent()
                        event.id = UUID().uuidString
                        return try event.kafkaMessage(topic: Self.topic, key: key)
                    }
                    let red = try NotificationFixtures.card(.red, of: states[4]).cloudEvent(source: ContractSource.slaMonitor)
                    let secondRound = messages + republished + [try red.kafkaMessage(topic: Self.topic, key: key)]
                    #expect(await publisher.publish(secondRound).allSatisfy { (try? $0.get()) != nil })
                    try await waitUntil("the card's 2 notices are recorded") {
                        try await DeliveryStore().list(.init(caseId: caseId.rawValue, status: .suppressed), on: database.client, logger: database.logger)
                            .deliveries.count >= 2
                    }

                    let after = try await DeliveryStore().list(.init(caseId: caseId.rawValue), on: database.client, logger: database.logger)
                    #expect(after.deliveries.count == 5)
                    #expect(Set(before.deliveries.map(\.id)).isSubset(of: Set(after.deliveries.map(\.id))))
                    #expect(
                        Set(after.deliveries.map(\.template))
                            == ["dispatched-lead", "dispatched-co", "closed-reporter", "red-card-lead", "red-card-escalation"])
                    let sentOnes = after.deliveries.filter { !$0.template.hasPrefix("red-card") }
                    #expect(sentOnes.allSatisfy { $0.status == "sent" && $0.attempts == 1 })
                    let cardOnes = after.deliveries.filter { $0.template.hasPrefix("red-card") }
                    #expect(cardOnes.allSatisfy { $0.status == "suppressed" && $0.attempts == 0 })
                    #expect(try await Self.sent(caseId: caseId.rawValue, database: database) == 3)
                }
                let sink = try await SinkStore().list(
                    recipient: nil, before: nil, limit: 100, visibility: .all, on: database.client, logger: database.logger)
                #expect(sink.count == 3)
                // Each distinct event is recorded once in the inbox; the poison one is not (it was rejected).
                let inboxRows = try await database.client.query(
                    "SELECT count(*) FROM inbox WHERE consumer = 'notification'", logger: database.logger)
                var inboxCount = 0
                for try await count in inboxRows.decode(Int.self) { inboxCount = count }
                #expect(inboxCount == events.count * 2 + 1)
            }
            let deadLetters = try await TopicReader(kafka: kafka, logger: logger).read(1, from: DeadLetter.topic(for: Self.topic))
            #expect(deadLetters.count == 1)
            let letter = try #require(deadLetters.first)
            let headers = letter.headers.map { MessageHeader($0) }
            #expect(headers.text(named: "ce_id") == "poison-1")
            #expect(headers.text(named: "dlt.original.topic") == Self.topic)
            #expect(headers.text(named: "dlt.consumer") == "notification")
            #expect(headers.text(named: "dlt.error.type") == "GridRuntime.EventRejection")
            #expect(headers.text(named: "dlt.error.message")?.contains("gridloop.case.dispatched.v1 data") == true)
        }
    }

    /// How many deliveries of the case are sent.
    static func sent(caseId: UUID, database: TestDatabase) async throws -> Int {
        try await DeliveryStore().list(.init(caseId: caseId, status: .sent), on: database.client, logger: database.logger).deliveries.count
    }
}
