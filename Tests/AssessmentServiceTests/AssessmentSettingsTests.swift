import AssessmentService
import Configuration
import GridRuntime
import Testing

/// The service's own keys, read with the common ones.
@Suite struct AssessmentSettingsTests {
    static func load(_ extra: [String: ConfigValue]) throws -> AssessmentSettings {
        var values: [String: ConfigValue] = [
            "database.host": "127.0.0.1", "database.name": "gridloop", "database.user": "assessment",
            "auth.jwt.secret": ConfigValue(.string(String(repeating: "k", count: 40)), isSecret: true),
        ]
        values.merge(extra) { $1 }
        let pairs = values.map { (AbsoluteConfigKey(ConfigKey($0.key)), $0.value) }
        let source = ConfigurationSource(
            reader: ConfigReader(provider: InMemoryProvider(values: Dictionary(uniqueKeysWithValues: pairs))),
            environment: ["KAFKA_BROKERS": "127.0.0.1:9092"])
        return try ServiceConfiguration.load(service: Assessment.name, source: source, extra: AssessmentSettings.self).1
    }

    @Test func defaults() throws {
        let settings = try Self.load([:])
        #expect(settings.consumerGroup == "assessment")
        #expect(settings.batchSize == 2000)
    }

    @Test func givenValues() throws {
        let settings = try Self.load(["assessment.consumerGroup": "assessment-blue", "assessment.batchSize": 2_000])
        #expect(settings.consumerGroup == "assessment-blue")
        #expect(settings.batchSize == 2_000)
    }

    @Test func everyBadValueIsReported() throws {
        do {
            _ = try Self.load(["assessment.consumerGroup": "two words", "assessment.batchSize": 0])
            Issue.record("bad settings were accepted")
        } catch {
            let text = "\(error)"
            #expect(text.contains("ASSESSMENT_CONSUMER_GROUP is invalid"))
            #expect(text.contains("ASSESSMENT_BATCH_SIZE is invalid"))
        }
    }
}
