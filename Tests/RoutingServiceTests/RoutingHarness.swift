import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import Logging
import NIOCore
import PostgresNIO
import RoutingService
import TestSupport

/// Routing's HTTP API over a fresh database, with the scaffold's middleware and JWT authentication,
/// and helpers to feed it lifecycle events as the consumer would.
struct RoutingHarness {
    static let secret = "routing-test-secret-0123456789-abcdefgh"
    /// The brokers of tests that never start the service's Kafka clients.
    static let unreachableBroker = "127.0.0.1:9"

    let database: TestDatabase
    let routing: Routing

    /// Runs `body` with a migrated database, the service and a test client of its router.
    /// - Parameter kafkaBrokers: The brokers the service's Kafka clients use (the API tests never start them).
    static func with(
        kafkaBrokers: String = unreachableBroker,
        _ body: @escaping @Sendable (RoutingHarness, any TestClientProtocol) async throws -> Void
    ) async throws {
        try await RoutingDatabase.with { database in
            let configuration = ServiceConfiguration(
                serviceName: "routing", cityDirectory: RoutingFixtures.sampleCityDirectory,
                database: .init(host: "127.0.0.1", name: database.name, user: database.role, schema: database.schema.name),
                kafka: try KafkaSettings(environment: ["KAFKA_BROKERS": kafkaBrokers], defaultClientID: "routing-test"),
                auth: .init(key: .sharedSecret(secret)))
            let settings = RoutingSettings(cityDirectory: RoutingFixtures.sampleCityDirectory, listVersion: "test-list")
            // Without a broker, librdkafka's clients (created, never started) log every failed connect.
            var logger = database.logger
            if kafkaBrokers == unreachableBroker { logger.logLevel = .critical }
            let routing = try await Routing(
                resources: ServiceResources(
                    configuration: configuration, settings: settings, postgres: database.client, logger: logger,
                    metrics: ServiceMetrics()))
            let router = Router(context: GridRequestContext.self)
            router.add(middleware: RequestIDMiddleware())
            router.add(middleware: ProblemMiddleware())
            router.add(middleware: JWTAuthenticator<GridRequestContext>(verifier: try await TokenVerifier(configuration: configuration.auth)))
            routing.addRoutes(to: router)
            let harness = RoutingHarness(database: database, routing: routing)
            try await Application(router: router).test(.router) { client in
                try await body(harness, client)
            }
        }
    }

    /// Feeds lifecycle events to routing's handler in one transaction, as the consumer does.
    func feed(_ events: [LifecycleTopicEventV1]) async throws {
        let outbox = Outbox(schema: database.schema)
        let handler = routing.handler
        let logger = database.logger
        do {
            try await outbox.withTransaction(on: database.client, logger: logger) { transaction in
                _ = try await handler.handle(try events.map(RoutingEvents.cloudEvent), in: transaction, logger: logger)
            }
        } catch let error as PostgresTransactionError {
            throw error.closureError ?? error
        }
    }

    /// The lifecycle events in routing's outbox, in order.
    func published() async throws -> [LifecycleTopicEventV1] {
        let rows = try await database.client.query(
            "SELECT event_type, payload FROM outbox ORDER BY id", logger: database.logger)
        var events: [LifecycleTopicEventV1] = []
        for try await (type, payload) in rows.decode((String, ByteBuffer).self) {
            events.append(try LifecycleTopicEventV1.decode(type: type, data: Data(payload.readableBytesView)))
        }
        return events
    }

    /// A bearer token.
    static func token(roles: [String], units: [String] = [], places: [String] = ["*"], subject: String = "u-1") async throws -> String {
        let claims = GridClaims(
            subject: subject, name: nil, roles: roles, places: places, units: units, issuer: "gridloop", audience: "gridloop",
            expiration: Date().addingTimeInterval(600))
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }

    /// Headers with a bearer token (and a JSON content type).
    static func headers(_ token: String) -> HTTPFields {
        [.authorization: "Bearer \(token)", .contentType: "application/json"]
    }
}

extension TestResponse {
    /// The body decoded as contract JSON.
    func json<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try ContractJSON.decoder.decode(Value.self, from: Data(body.readableBytesView))
    }

    /// The body as text.
    var text: String { String(buffer: body) }
}
