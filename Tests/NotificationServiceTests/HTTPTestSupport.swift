import Foundation
import GridDomain
import GridRuntime
import Hummingbird
import JWTKit
import Logging
import NotificationService
import TestSupport

/// The notification service built on a test database, and bearer tokens for its API.
enum HTTPTestSupport {
    static let secret = "notification-test-secret-0123456789abcdef"

    /// The service's resources on `database` (the pool is the test's). Without `kafkaBrokers`, Kafka
    /// points at a loopback port where no broker listens: tests that do not run the service's
    /// producers and consumers never use its Kafka clients (librdkafka's logging of the refused
    /// connections is turned down to critical).
    static func resources(
        _ database: TestDatabase, settings: NotificationSettings = NotificationSettings(), kafkaBrokers: String? = nil
    ) throws -> ServiceResources<NotificationSettings> {
        var kafka = try KafkaSettings(environment: ["KAFKA_BROKERS": kafkaBrokers ?? "127.0.0.1:9"], defaultClientID: "notification-under-test")
        if kafkaBrokers == nil { kafka.properties["log_level"] = "2" }
        let configuration = ServiceConfiguration(
            serviceName: Notifications.name, cityDirectory: NotificationFixtures.cityDirectory,
            database: .init(host: "127.0.0.1", name: database.name, user: database.role, schema: database.schema.name),
            kafka: kafka,
            auth: .init(key: .sharedSecret(secret)))
        return ServiceResources(
            configuration: configuration, settings: settings, postgres: database.client, logger: database.logger, metrics: ServiceMetrics())
    }

    /// The service's routes behind the platform's middleware (request id, problems, JWT), as the scaffold
    /// assembles them.
    static func application(_ service: Notifications) async throws -> some ApplicationProtocol {
        let router = Router(context: GridRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: JWTAuthenticator<GridRequestContext>(verifier: try await TokenVerifier(configuration: .init(key: .sharedSecret(secret)))))
        service.addRoutes(to: router)
        return Application(router: router)
    }

    /// `Authorization: Bearer …` for a user with `roles` and place scopes `places`.
    static func bearer(roles: [String], places: [String] = ["*"]) async throws -> HTTPFields {
        let claims = GridClaims(
            subject: "u-1", name: "李四", roles: roles, places: places, units: nil, issuer: "gridloop", audience: "gridloop",
            expiration: Date().addingTimeInterval(600))
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return [.authorization: "Bearer \(try await keys.sign(claims))"]
    }

    /// A JSON problem's code and message.
    struct Problem: Decodable {
        struct Detail: Decodable {
            let code: String
            let message: String
        }
        let error: Detail
    }
}
