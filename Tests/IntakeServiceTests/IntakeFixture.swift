import Foundation
import GridDomain
import GridRuntime
import Logging
import Metrics
import PostgresNIO
import TestSupport

@testable import IntakeService

/// The sample city and a fresh database with intake's schema, migrations applied and grids loaded,
/// for each test.
struct IntakeFixture: Sendable {
    /// The repository's sample city.
    static let cityDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("deploy/sample-city").path

    /// Loaded once per test process.
    static let city: IntakeCity = {
        do { return try IntakeCity.load(directory: cityDirectory) } catch { fatalError("\(error)") }
    }()

    let database: TestDatabase
    let desk: IntakeDesk
    let metrics: ServiceMetrics

    var city: IntakeCity { Self.city }
    var places: PlaceHierarchy { Self.city.reference.places }

    /// Runs `body` with a fresh database, migrated and with the sample city's grids loaded.
    static func with<Result: Sendable>(
        autoClose: Bool = true, _ body: (IntakeFixture) async throws -> Result
    ) async throws -> Result {
        try await TestDatabase.withDatabase(schema: "intake") { database in
            let logger = database.logger
            try await MigrationRunner(configuration: .init(schema: database.schema), logger: logger)
                .run(IntakeMigrations.set, on: database.client)
            _ = try await GridLoader(batchSize: 500, logger: logger)
                .load(city.reference.places, fingerprintSource: city.gridFingerprintSource, client: database.client)
            let metrics = ServiceMetrics()
            let lifecycle = city.lifecycle
            let desk = IntakeDesk(
                client: database.client, outbox: Outbox(schema: database.schema),
                workflow: CaseWorkflow(
                    lifecycle: lifecycle, policy: FilingPolicy(lifecycle: lifecycle, catalog: city.reference.catalog),
                    autoClose: autoClose),
                locator: Locator(places: city.reference.places),
                numbering: CaseNumbering(timeZone: TimeZone(identifier: "Asia/Shanghai")!, cityCode: "339900"),
                metrics: IntakeMetrics(factory: metrics.factory), logger: logger)
            return try await body(IntakeFixture(database: database, desk: desk, metrics: metrics))
        }
    }

    /// The outbox rows, in publishing order: (type, key, data).
    func outbox() async throws -> [(type: String, key: String, data: String)] {
        let rows = try await database.client.query(
            "SELECT event_type, message_key, convert_from(payload, 'UTF8') FROM outbox ORDER BY id", logger: database.logger)
        var result: [(String, String, String)] = []
        for try await row in rows.decode((String, String, String).self) { result.append(row) }
        return result
    }

    /// The timeline types of a case, in order.
    func timelineTypes(of id: CaseID) async throws -> [String] {
        try await database.client.withConnection { connection in
            try await TimelineStore().entries(of: id, on: connection, logger: database.logger).map(\.type)
        }
    }

    /// The stored case.
    func stored(_ id: CaseID) async throws -> StoredCase? {
        try await database.client.withConnection { connection in
            try await CaseStore().find(id, on: connection, logger: database.logger)
        }
    }

    /// The centre of a grid's first polygon's bounding box, nudged inside: a point clearly in the grid
    /// for the sample city's near-rectangular grids (checked against the domain locator by callers).
    func interiorPoint(of code: String) throws -> CaseLocation.Point {
        let grid = places.grid(try PlaceCode(code, level: .grid))!
        let box = grid.geometry.polygons[0].exterior.positions
        let lon = box.map(\.longitude).reduce(0, +) / Double(box.count)
        let lat = box.map(\.latitude).reduce(0, +) / Double(box.count)
        return try CaseLocation.Point(longitude: lon, latitude: lat)
    }
}

/// Principals for tests.
enum TestPrincipals {
    static let supervisor = Principal(userID: "sup-001", roles: [.supervisor], placeScopes: ["339901"])
    static let gridWorker = Principal(userID: "gw-001", roles: [.gridWorker], placeScopes: ["339901"])
    static let citizen = Principal(userID: "cit-001", roles: [.citizen])
    static let otherCitizen = Principal(userID: "cit-002", roles: [.citizen])
    static let operatorAll = Principal(userID: "op-001", roles: [.operator], placeScopes: ["*"])
    static let shiftLead = Principal(userID: "sl-001", roles: [.shiftLead], placeScopes: ["339901"])
    static let hotlineAgent = Principal(userID: "ha-001", roles: [.hotlineAgent], placeScopes: ["*"])
    static let dispatcherOtherDistrict = Principal(userID: "dp-009", roles: [.dispatcher], placeScopes: ["339902"])
}
