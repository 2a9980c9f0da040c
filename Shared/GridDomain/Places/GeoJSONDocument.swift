#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The parts of a GeoJSON document (RFC 7946) the grid loader reads, decoded leniently so that the
/// loader, not the decoder, explains what is wrong with a feature.
struct GeoJSONDocument: Decodable {
    let type: String
    let features: [Feature]?

    struct Feature: Decodable {
        let type: String?
        let properties: [String: PropertyValue]?
        let geometry: Geometry?
    }

    struct Geometry: Decodable {
        let type: String
        let coordinates: Coordinates?
    }

    /// Nested coordinate arrays of any depth.
    indirect enum Coordinates: Decodable {
        case number(Double)
        case list([Coordinates])

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .list(try container.decode([Coordinates].self))
            }
        }
    }

    /// A property value: only strings are used; other JSON values are kept to explain errors.
    enum PropertyValue: Decodable {
        case string(String)
        case number(Double)
        case other

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                self = .string(text)
            } else if let number = try? container.decode(Double.self) {
                self = .number(number)
            } else {
                self = .other
            }
        }
    }

    /// Decodes `text`, turning decoder errors into a message that names the JSON path.
    static func decode(_ text: String) throws(GeometryProblem) -> GeoJSONDocument {
        do {
            return try JSONDecoder().decode(GeoJSONDocument.self, from: Data(text.utf8))
        } catch let error as DecodingError {
            throw GeometryProblem(describe(error))
        } catch {
            throw GeometryProblem("not valid JSON: \(error)")
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .dataCorrupted(let context):
            let underlying = context.underlyingError.map { ": \($0)" } ?? ""
            return "not valid JSON\(context.codingPath.isEmpty ? "" : " at \(path(context.codingPath))")\(underlying)"
        case .keyNotFound(let key, let context):
            return "missing member '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "unexpected value at \(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

extension GeoJSONDocument.Coordinates {
    /// The value as a list, or a problem naming `what` was expected.
    func list(_ what: String) throws(GeometryProblem) -> [GeoJSONDocument.Coordinates] {
        guard case .list(let items) = self else { throw GeometryProblem("expected \(what), found a number") }
        return items
    }

    /// Reads a position `[lon, lat]` (an optional altitude is ignored).
    func position() throws(GeometryProblem) -> GeoPosition {
        let items = try list("a position [longitude, latitude]")
        guard items.count >= 2, case .number(let lon) = items[0], case .number(let lat) = items[1] else {
            throw GeometryProblem("a position must be [longitude, latitude] numbers")
        }
        guard let position = GeoPosition(longitude: lon, latitude: lat) else {
            throw GeometryProblem("position [\(lon), \(lat)] is outside longitude −180…180 / latitude −90…90")
        }
        return position
    }

    /// Reads the rings of a Polygon's coordinates.
    func polygonRings() throws(GeometryProblem) -> [[GeoPosition]] {
        var rings: [[GeoPosition]] = []
        for ring in try list("a list of rings") {
            var positions: [GeoPosition] = []
            for item in try ring.list("a ring (a list of positions)") { positions.append(try item.position()) }
            rings.append(positions)
        }
        return rings
    }
}
