import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Loads the city's unit grids into PostGIS at start-up, idempotently: the grids are replaced only
/// when the fingerprint of the city's place files (area classes, places, grids GeoJSON) differs from
/// the one recorded with the last load, in one transaction under an advisory lock, so replicas
/// starting together load once and readers see either the old or the new grids, never a mix.
///
/// The polygons written are the domain's (`PlaceHierarchy`, snapped to 1e-7 degree), so PostGIS and
/// `PlaceHierarchy.locate` work on identical vertices.
struct GridLoader: Sendable {
    /// What a load did.
    struct Report: Sendable, Hashable {
        /// `true` when the grids were (re)written, `false` when the fingerprint was unchanged.
        var loaded: Bool
        /// The number of grids in the table.
        var gridCount: Int
        /// The fingerprint of the city's place files.
        var fingerprint: String
    }

    /// Bumped when the way grids are written changes, so that a new version reloads unchanged files.
    static let formatVersion = "grids-v1"

    let store = GridStore()
    let batchSize: Int
    let logger: Logger

    /// Loads `places` unless the city with `fingerprintSource` is already loaded.
    /// - Parameter fingerprintSource: The bytes that define the grids (the place files' contents).
    func load(_ places: PlaceHierarchy, fingerprintSource: [UInt8], client: PostgresClient) async throws -> Report {
        let report = try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "SELECT pg_advisory_xact_lock(hashtext('gridloop.intake.grids'), hashtext(current_schema()))", logger: logger)
            let fingerprint = try await store.sha256(of: Array(Self.formatVersion.utf8) + fingerprintSource, on: connection, logger: logger)
            if let loaded = try await store.loadedCity(on: connection, logger: logger), loaded.fingerprint == fingerprint {
                return Report(loaded: false, gridCount: loaded.gridCount, fingerprint: fingerprint)
            }
            let rows = places.grids.map { grid in
                GridStore.Row(code: grid.code.digits, name: grid.name, areaClass: grid.areaClass.rawValue, geoJSON: grid.geometry.geoJSONMultiPolygon)
            }
            try await store.replaceAll(with: rows, batchSize: batchSize, on: connection, logger: logger)
            try await store.recordLoadedCity(fingerprint: fingerprint, gridCount: rows.count, on: connection, logger: logger)
            return Report(loaded: true, gridCount: rows.count, fingerprint: fingerprint)
        }
        logger.info(
            report.loaded ? "loaded the city's grids into PostGIS" : "the city's grids are already loaded",
            metadata: ["grids": "\(report.gridCount)", "fingerprint": "\(report.fingerprint.prefix(12))"])
        return report
    }

    /// The bytes that define a city's grids: the contents of its area-class, place and grid files, each
    /// preceded by its name and length.
    static func fingerprintSource(directory: String, configuration: CityReferenceData.Configuration) throws -> [UInt8] {
        var bytes: [UInt8] = []
        for name in [configuration.areaClassesFile, configuration.placesFile, configuration.gridsFile] {
            let url = URL(fileURLWithPath: directory).appendingPathComponent(name)
            let content = try Data(contentsOf: url)
            bytes += Array("\(name):\(content.count):".utf8)
            bytes += content
        }
        return bytes
    }
}

extension GridGeometry {
    /// The geometry as a GeoJSON MultiPolygon with the snapped vertices (7 decimals), each ring closed.
    var geoJSONMultiPolygon: String {
        func ring(_ ring: GeoRing) -> String {
            let positions = ring.positions + [ring.positions[0]]
            return "[" + positions.map { "[\($0.description)]" }.joined(separator: ",") + "]"
        }
        let polygons = polygons.map { polygon in "[" + polygon.rings.map(ring).joined(separator: ",") + "]" }
        return #"{"type":"MultiPolygon","coordinates":["# + polygons.joined(separator: ",") + "]}"
    }
}
