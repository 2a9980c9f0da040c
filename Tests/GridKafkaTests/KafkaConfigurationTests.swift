import GridKafka
import Testing

@Suite("KafkaConfiguration from the environment")
struct KafkaConfigurationTests {
    @Test("reads brokers, client id, security, SASL and pass-through properties")
    func readsEverySetting() throws {
        let configuration = try KafkaConfiguration(environment: [
            "KAFKA_BROKERS": "10.0.0.1:9092, 10.0.0.2:9093",
            "KAFKA_CLIENT_ID": "intake",
            "KAFKA_SECURITY_PROTOCOL": "SASL_SSL",
            "KAFKA_SASL_MECHANISM": "scram-sha-512",
            "KAFKA_SASL_USERNAME": "gridloop",
            "KAFKA_SASL_PASSWORD": "s3cret",
            "KAFKA_PROPERTY_SOCKET_TIMEOUT_MS": "5000",
            "KAFKA_PROPERTY_SSL_CA_LOCATION": "/etc/ssl/ca.pem",
            "UNRELATED": "ignored",
        ])
        #expect(configuration.bootstrapServers == ["10.0.0.1:9092", "10.0.0.2:9093"])
        #expect(configuration.clientID == "intake")
        #expect(configuration.securityProtocol == .saslSSL)
        #expect(configuration.sasl == .init(mechanism: .scramSHA512, username: "gridloop", password: "s3cret"))
        #expect(configuration.properties == ["socket.timeout.ms": "5000", "ssl.ca.location": "/etc/ssl/ca.pem"])
        let properties = configuration.librdkafkaProperties
        #expect(properties["bootstrap.servers"] == "10.0.0.1:9092,10.0.0.2:9093")
        #expect(properties["security.protocol"] == "sasl_ssl")
        #expect(properties["sasl.mechanism"] == "SCRAM-SHA-512")
        #expect(properties["sasl.password"] == "s3cret")
        #expect(!configuration.description.contains("s3cret"))
    }

    @Test("uses defaults for everything but the brokers")
    func defaults() throws {
        let configuration = try KafkaConfiguration(environment: ["KAFKA_BROKERS": "127.0.0.1:9092"])
        #expect(configuration.clientID == "gridloop")
        #expect(configuration.securityProtocol == .plaintext)
        #expect(configuration.sasl == nil)
        #expect(configuration.properties.isEmpty)
    }

    @Test("lists every invalid setting at once")
    func listsEveryProblem() {
        let error = #expect(throws: KafkaConfigurationError.self) {
            try KafkaConfiguration(environment: [
                "KAFKA_SECURITY_PROTOCOL": "carrier-pigeon",
                "KAFKA_SASL_MECHANISM": "KERBEROS-ISH",
                "KAFKA_PROPERTY_": "x",
            ])
        }
        let names = error?.invalidSettings.map(\.name) ?? []
        #expect(names.contains("KAFKA_BROKERS"))
        #expect(names.contains("KAFKA_SECURITY_PROTOCOL"))
        #expect(names.contains("KAFKA_SASL_MECHANISM"))
        #expect(names.contains("KAFKA_SASL_USERNAME"))
        #expect(names.contains("KAFKA_SASL_PASSWORD"))
        #expect(names.contains("KAFKA_PROPERTY_"))
        #expect(error?.description.contains("KAFKA_BROKERS: missing") == true)
    }

    @Test("rejects broker entries that are not host:port")
    func rejectsMalformedBrokers() {
        let error = #expect(throws: KafkaConfigurationError.self) {
            try KafkaConfiguration(environment: ["KAFKA_BROKERS": "kafka-1:9092,kafka-2,kafka-3:99999"])
        }
        #expect(error?.invalidSettings.count == 2)
        #expect(error?.invalidSettings.allSatisfy { $0.name == "KAFKA_BROKERS" } == true)
    }

    @Test("producer defaults: idempotent, acks=all, Java-compatible partitioner; extra properties win")
    func producerProperties() {
        var kafka = KafkaConfiguration(bootstrapServers: ["127.0.0.1:9092"])
        var properties = KafkaProducer.Configuration(kafka: kafka).librdkafkaProperties
        #expect(properties["enable.idempotence"] == "true")
        #expect(properties["acks"] == "all")
        #expect(properties["partitioner"] == "murmur2_random")
        #expect(properties["linger.ms"] == "5")
        kafka.properties = ["linger.ms": "20"]
        properties = KafkaProducer.Configuration(kafka: kafka).librdkafkaProperties
        #expect(properties["linger.ms"] == "20")
    }

    @Test("consumer never auto-commits")
    func consumerProperties() {
        let kafka = KafkaConfiguration(bootstrapServers: ["127.0.0.1:9092"])
        let properties = KafkaConsumer.Configuration(kafka: kafka, groupID: "g", topics: ["t"]).librdkafkaProperties
        #expect(properties["enable.auto.commit"] == "false")
        #expect(properties["enable.auto.offset.store"] == "false")
        #expect(properties["group.id"] == "g")
        #expect(properties["max.poll.interval.ms"] == "10000")
    }

    @Test("consumer group id comes from KAFKA_GROUP_ID, else the service's default")
    func consumerGroupFromEnvironment() throws {
        let named = try KafkaConsumer.Configuration(
            environment: ["KAFKA_BROKERS": "127.0.0.1:9092", "KAFKA_GROUP_ID": "routing-blue"],
            defaultGroupID: "routing",
            topics: ["cases.filed"]
        )
        #expect(named.groupID == "routing-blue")
        #expect(named.kafka.bootstrapServers == ["127.0.0.1:9092"])
        let defaulted = try KafkaConsumer.Configuration(
            environment: ["KAFKA_BROKERS": "127.0.0.1:9092"],
            defaultGroupID: "routing",
            topics: ["cases.filed"]
        )
        #expect(defaulted.groupID == "routing")
        #expect(defaulted.topics == ["cases.filed"])
    }

    @Test("librdkafka's rejections name every bad property")
    func librdkafkaRejectsUnknownProperties() {
        let kafka = KafkaConfiguration(
            bootstrapServers: ["127.0.0.1:9092"],
            properties: ["no.such.property": "1", "linger.ms": "not-a-number"]
        )
        let error = #expect(throws: KafkaError.self) {
            try KafkaProducer(configuration: .init(kafka: kafka), logger: KafkaTestClients.logger("config"))
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("no.such.property") == true)
        #expect(error?.message.contains("linger.ms") == true)
    }

    @Test("consumer settings GridKafka relies on are checked")
    func consumerValidation() {
        let kafka = KafkaConfiguration(bootstrapServers: ["127.0.0.1:9092"])
        let error = #expect(throws: KafkaError.self) {
            try KafkaConsumer(
                configuration: .init(kafka: kafka, groupID: "", topics: [], maxBatchSize: 0, revokeTimeout: .seconds(30)),
                logger: KafkaTestClients.logger("config")
            )
        }
        #expect(error?.code == .invalidConfiguration)
        #expect(error?.message.contains("groupID") == true)
        #expect(error?.message.contains("revokeTimeout") == true)
    }
}
