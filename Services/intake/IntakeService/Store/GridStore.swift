import GridDomain
import Logging
import PostgresNIO

/// The `grids` table: the city's unit grids as PostGIS multipolygons (SRID 4326, GiST index), and the
/// point-in-polygon lookup the locator runs on it.
struct GridStore: Sendable {
    /// A grid row to write.
    struct Row: Sendable, Hashable {
        /// The 15-digit code.
        var code: String
        /// The grid's name.
        var name: String
        /// The area class.
        var areaClass: String
        /// The geometry as a GeoJSON MultiPolygon.
        var geoJSON: String
    }

    /// The grids covering each point (`ST_Covers`, so points on a border are covered by every grid
    /// sharing it), sorted by code; one list per point, in order. One query for all points.
    func coveringGrids(of points: [CaseLocation.Point], on connection: PostgresConnection, logger: Logger) async throws -> [[String]] {
        guard !points.isEmpty else { return [] }
        let rows = try await connection.query(
            """
            SELECT p.ordinal::int8, g.code
            FROM unnest(\(points.map(\.longitude))::float8[], \(points.map(\.latitude))::float8[])
                 WITH ORDINALITY AS p(lon, lat, ordinal)
            JOIN grids g ON ST_Covers(g.geom, ST_SetSRID(ST_MakePoint(p.lon, p.lat), 4326))
            ORDER BY p.ordinal, g.code
            """,
            logger: logger)
        var result = [[String]](repeating: [], count: points.count)
        for try await (ordinal, code) in rows.decode((Int, String).self) {
            result[ordinal - 1].append(code)
        }
        return result
    }

    /// Replaces every grid with `rows`, `batchSize` rows per statement, inside the caller's transaction.
    func replaceAll(with rows: [Row], batchSize: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query("DELETE FROM grids", logger: logger)
        var start = rows.startIndex
        while start < rows.endIndex {
            let batch = rows[start..<min(start + max(1, batchSize), rows.endIndex)]
            try await connection.query(
                """
                INSERT INTO grids (code, name, area_class, community, street, district, geom)
                SELECT g.code, g.name, g.area_class, substr(g.code, 1, 12), substr(g.code, 1, 9), substr(g.code, 1, 6),
                       ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON(g.geojson), 4326))
                FROM unnest(\(batch.map(\.code))::text[], \(batch.map(\.name))::text[],
                            \(batch.map(\.areaClass))::text[], \(batch.map(\.geoJSON))::text[])
                     AS g(code, name, area_class, geojson)
                """,
                logger: logger)
            start = batch.endIndex
        }
    }

    /// The fingerprint and grid count of the loaded city, or `nil` before the first load.
    func loadedCity(on connection: PostgresConnection, logger: Logger) async throws -> (fingerprint: String, gridCount: Int)? {
        let rows = try await connection.query("SELECT fingerprint, grid_count FROM city_load", logger: logger)
        for try await (fingerprint, count) in rows.decode((String, Int).self) { return (fingerprint, count) }
        return nil
    }

    /// Records the fingerprint of the city just loaded.
    func recordLoadedCity(fingerprint: String, gridCount: Int, on connection: PostgresConnection, logger: Logger) async throws {
        try await connection.query(
            """
            INSERT INTO city_load (singleton, fingerprint, grid_count, loaded_at) VALUES (true, \(fingerprint), \(gridCount), now())
            ON CONFLICT (singleton) DO UPDATE SET fingerprint = EXCLUDED.fingerprint, grid_count = EXCLUDED.grid_count, loaded_at = now()
            """,
            logger: logger)
    }

    /// SHA-256 (hex) of `bytes`, computed by PostgreSQL (`sha256()`, built in since PostgreSQL 11).
    func sha256(of bytes: [UInt8], on connection: PostgresConnection, logger: Logger) async throws -> String {
        let rows = try await connection.query(
            "SELECT encode(sha256(\(ByteBuffer(bytes: bytes))::bytea), 'hex')", logger: logger)
        for try await digest in rows.decode(String.self) { return digest }
        return ""
    }
}
