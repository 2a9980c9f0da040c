import Foundation
import GridKafka
import GridRuntime
import Logging
import Synchronization
import Testing
import TestSupport

@Suite("ServiceMessaging: the one way services wire Kafka", .serialized)
struct ServiceMessagingTests {
    @Test("KAFKA_* settings become GridKafka's configuration, SASL included")
    func kafkaConfigurationFromSettings() throws {
        let settings = try KafkaSettings(
            environment: [
                "KAFKA_BROKERS": "k1:9092,k2:9092", "KAFKA_SECURITY_PROTOCOL": "sasl_ssl", "KAFKA_SASL_MECHANISM": "scram-sha-512",
                "KAFKA_SASL_USERNAME": "routing", "KAFKA_SASL_PASSWORD": "secret", "KAFKA_PROPERTY_LINGER_MS": "7",
            ],
            defaultClientID: "routing")
        let kafka = KafkaConfiguration(settings)
        #expect(kafka.bootstrapServers == ["k1:9092", "k2:9092"])
        #expect(kafka.clientID == "routing")
        #expect(kafka.securityProtocol == .saslSSL)
        #expect(kafka.sasl == .init(mechanism: .scramSHA512, username: "routing", password: "secret"))
        #expect(kafka.librdkafkaProperties["linger.ms"] == "7")
    }

    @Test("an unsupported SASL mechanism is a configuration error naming the setting")
    func rejectsUnsupportedMechanism() {
        #expect(throws: ConfigurationError.self) {
            try KafkaSettings(environment: [
                "KAFKA_BROKERS": "k1:9092", "KAFKA_SECURITY_PROTOCOL": "sasl_plaintext", "KAFKA_SASL_MECHANISM": "GSSAPI",
            ])
        }
    }

    @Test("the relay publishes what a batch handler enqueued; the broker check passes on a live broker")
    func relayAndConsumerRoundTrip() async throws {
        let logger = Logger(label: "service-messaging-test")
        try await TestDatabase.withDatabase { database in
            try await database.migrate()
            let broker = try await TansuBroker.started()
            defer { broker.stop() }
            let kafka = broker.kafkaConfiguration(clientID: "messaging-test")
            try await KafkaAdmin(configuration: kafka, logger: logger)
                .createTopics(["gridloop.in", "gridloop.out", "gridloop.in.dlt"].map { TopicSpecification(name: $0, partitions: 2) })
            let messaging = try ServiceMessaging(
                kafka: kafka, outbox: database.outbox, client: database.client,
                relay: .init(pollInterval: .milliseconds(50)), logger: logger)
            let batches = Mutex<[Int]>([])
            let consumers = try messaging.consume(group: "messaging-test", topics: ["gridloop.in"]) { events, transaction in
                batches.withLock { $0.append(events.count) }
                for consumed in events {
                    let event = try consumed.requireEvent()
                    var echo = event
                    echo.id = "echo-\(event.id)"
                    try transaction.enqueue(echo, topic: "gridloop.out")
                }
            }
            try await messaging.brokerReadiness.check()
            try await withServiceGroup(messaging.producers + consumers, logger: logger) {
                for sequence in 1...20 {
                    _ = try await messaging.producer.send(
                        KafkaProducerMessage(testEvent(key: "C-\(sequence % 4)", sequence: sequence).kafkaMessage(topic: "gridloop.in")))
                }
                let echoed = try await TopicReader(kafka: kafka, logger: logger).read(20, from: "gridloop.out")
                #expect(echoed.count == 20)
                #expect(Set(echoed.compactMap { $0.key.map { String(decoding: $0, as: UTF8.self) } }) == ["C-0", "C-1", "C-2", "C-3"])
                #expect(batches.withLock { $0.reduce(0, +) } == 20)
            }
        }
    }
}
