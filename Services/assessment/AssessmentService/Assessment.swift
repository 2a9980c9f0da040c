public import GridRuntime
public import Hummingbird
public import Logging
public import PostgresNIO

/// The `assessment` service (考核评价), plugged into the common scaffold (`ServiceRunner`): it records
/// every event of `gridloop.case.lifecycle` into its fact tables and serves the basic indicators at
/// `GET /v1/indicators`. See `docs/services/assessment.md`.
public struct Assessment: GridService {
    /// The service name used in logs, metrics and configuration.
    public static let name = "assessment"

    /// The city (places, catalog, units) loaded at start-up.
    public let city: AssessmentCity
    let resources: ServiceResources<AssessmentSettings>

    /// Builds the service: loads the city from `GRIDLOOP_CITY_DIR`.
    /// - Throws: ``AssessmentError`` when the city directory is not set or a city file is invalid.
    public init(resources: ServiceResources<AssessmentSettings>) async throws {
        guard let directory = resources.configuration.cityDirectory else {
            throw AssessmentError(
                code: .cityDirectoryMissing,
                message: "GRIDLOOP_CITY_DIR is not set; the assessment service needs the city's places, catalog and units")
        }
        do {
            city = try AssessmentCity(directory: directory)
        } catch {
            throw AssessmentError(code: .cityDataInvalid, message: "cannot load the city from \(directory): \(error)")
        }
        self.resources = resources
    }

    /// Applies the platform migrations and the assessment schema's (`AssessmentMigrations`).
    public func migrate(client: PostgresClient, logger: Logger) async throws {
        try await AssessmentMigrations.apply(schema: resources.configuration.database.schema, on: client, logger: logger)
    }

    /// `GET /v1/indicators`.
    public func addRoutes(to router: Router<GridRequestContext>) {
        IndicatorRoutes(city: city, postgres: resources.postgres, logger: resources.logger).add(to: router)
    }
}
