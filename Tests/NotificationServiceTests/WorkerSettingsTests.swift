import GridRuntime
import NotificationService
import Testing
import TestSupport

/// The delivery worker's settings, read with the common ones from the environment.
@Suite("notification worker settings")
struct WorkerSettingsTests {
    static let required: [String: String] = [
        "DATABASE_HOST": "127.0.0.1", "DATABASE_NAME": "gridloop", "DATABASE_USER": "notification",
        "KAFKA_BROKERS": "127.0.0.1:9092", "AUTH_JWT_SECRET": String(repeating: "s", count: 32),
        "GRIDLOOP_CITY_DIR": SampleCity.directory,
    ]

    func load(_ extra: [String: String]) throws(ConfigurationError) -> NotificationSettings {
        let environment = Self.required.merging(extra) { _, new in new }
        return try ServiceConfiguration.load(service: "notification", source: .environment(environment), extra: NotificationSettings.self).1
    }

    @Test("the database deadline defaults to 60 s and is read from NOTIFICATION_WORKER_DATABASE_DEADLINE_SECONDS")
    func databaseDeadline() throws {
        #expect(try load([:]).worker.databaseDeadline == .seconds(60))
        #expect(try load(["NOTIFICATION_WORKER_DATABASE_DEADLINE_SECONDS": "2.5"]).worker.databaseDeadline == .milliseconds(2500))
        let error = #expect(throws: ConfigurationError.self) { try load(["NOTIFICATION_WORKER_DATABASE_DEADLINE_SECONDS": "0.5"]) }
        #expect(error.map { "\($0)" }?.contains("NOTIFICATION_WORKER_DATABASE_DEADLINE_SECONDS is invalid") == true)
    }
}
