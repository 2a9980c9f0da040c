#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension PlaceHierarchy {
    /// Loads a city from its three place files:
    ///
    /// - `areaClassesCSV`: columns `code,name[,description]` — the area classes grids may use.
    /// - `placesCSV`: columns `code,level,name[,parent]` — the city, districts, streets/towns and
    ///   communities/villages. `level` is `city|district|street|community` or a Chinese name (市, 区,
    ///   街道, 社区…). Street, community and grid parents follow from the code's digits; a given
    ///   `parent` must agree. A district's parent defaults to the city.
    /// - `gridsGeoJSON`: a FeatureCollection with one Polygon or MultiPolygon feature per unit grid and
    ///   properties `code` (15 digits, as a string), `area_class`, and optionally `name`.
    ///
    /// The `…File` arguments name the files in error messages. Throws the first problem found: an
    /// invalid or duplicate code, an unknown parent or area class, malformed geometry.
    public init(
        areaClassesCSV: String, areaClassesFile: String = "area-classes.csv",
        placesCSV: String, placesFile: String = "places.csv",
        gridsGeoJSON: String, gridsFile: String = "grids.geojson"
    ) throws(DataFileError) {
        let areaClasses = try Self.readAreaClasses(areaClassesCSV, file: areaClassesFile)
        let (city, places) = try Self.readPlaces(placesCSV, file: placesFile)
        let known = Set(places.map(\.code))
        let grids = try Self.readGrids(
            gridsGeoJSON, file: gridsFile, communities: known,
            areaClasses: Set(areaClasses.map(\.code)))
        self.init(areaClasses: areaClasses, city: city, places: places, grids: grids)
    }

    /// Loads a city from files on disk (see `init(areaClassesCSV:…)`).
    public init(areaClassesPath: String, placesPath: String, gridsPath: String) throws(DataFileError) {
        try self.init(
            areaClassesCSV: try DataFileReader.read(areaClassesPath), areaClassesFile: areaClassesPath,
            placesCSV: try DataFileReader.read(placesPath), placesFile: placesPath,
            gridsGeoJSON: try DataFileReader.read(gridsPath), gridsFile: gridsPath)
    }

    static func readAreaClasses(_ text: String, file: String) throws(DataFileError) -> [AreaClassDefinition] {
        let table = try CSVTable(text: text, file: file, requiredColumns: ["code", "name"])
        var seen: [AreaClass: Int] = [:]
        var result: [AreaClassDefinition] = []
        for row in table.rows {
            let code = try row.required("code")
            guard code.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-" }) else {
                throw row.error("area class '\(code)' may only use letters, digits, '_' and '-'")
            }
            let areaClass = AreaClass(code)
            if let first = seen[areaClass] { throw row.error("area class '\(code)' is declared twice (first on line \(first))") }
            seen[areaClass] = row.line
            result.append(AreaClassDefinition(code: areaClass, name: try row.required("name"), description: row["description"]))
        }
        guard !result.isEmpty else { throw DataFileError(file: file, line: nil, message: "no area classes are declared") }
        return result
    }

    static func readPlaces(_ text: String, file: String) throws(DataFileError) -> (city: Place, places: [Place]) {
        let table = try CSVTable(text: text, file: file, requiredColumns: ["code", "level", "name"])
        var rows: [(place: PlaceCode, name: String, parentText: String?, row: CSVTable.Row)] = []
        var lineByCode: [String: Int] = [:]
        var cityRow: (code: PlaceCode, name: String, row: CSVTable.Row)?
        for row in table.rows {
            let levelText = try row.required("level")
            guard let level = GovernanceLevel(parsing: levelText) else {
                throw row.error("unknown level '\(levelText)'; use city, district, street or community")
            }
            guard level != .grid else { throw row.error("unit grids belong in the grid GeoJSON file, not here") }
            let codeText = try row.required("code")
            let code: PlaceCode
            do { code = try PlaceCode(codeText, level: level) } catch { throw row.error(error.description) }
            if let first = lineByCode[code.digits] {
                throw row.error("duplicate place code \(code) (first on line \(first))")
            }
            lineByCode[code.digits] = row.line
            let name = try row.required("name")
            if level == .city {
                if let cityRow { throw row.error("a second city \(code); the file already has \(cityRow.code) on line \(cityRow.row.line)") }
                if let parent = row["parent"] { throw row.error("the city cannot have a parent (got \(parent))") }
                cityRow = (code, name, row)
            }
            rows.append((code, name, row["parent"], row))
        }
        guard let cityRow else { throw DataFileError(file: file, line: nil, message: "no place has level 'city'") }
        var places: [Place] = []
        places.reserveCapacity(rows.count)
        for (code, name, parentText, row) in rows {
            if code.level == .city {
                places.append(Place(code: code, name: name, parent: nil))
                continue
            }
            let parent: PlaceCode
            if code.level == .district {
                parent = cityRow.code
                if let parentText, parentText != cityRow.code.digits {
                    throw row.error("unknown parent '\(parentText)' of district \(code): the city is \(cityRow.code)")
                }
            } else {
                parent = code.ancestor(at: code.level.parentLevel!)!  // streets and communities encode their parent
                if let parentText, parentText != parent.digits {
                    throw row.error("parent '\(parentText)' disagrees with the code \(code), whose parent is \(parent)")
                }
                guard lineByCode[parent.digits] != nil else {
                    throw row.error("unknown parent \(parent.level.rawValue) \(parent) of \(code.level.rawValue) \(code)")
                }
            }
            places.append(Place(code: code, name: name, parent: parent))
        }
        return (places.first { $0.level == .city }!, places)
    }

    static func readGrids(
        _ text: String, file: String, communities: Set<PlaceCode>, areaClasses: Set<AreaClass>
    ) throws(DataFileError) -> [UnitGrid] {
        let document: GeoJSONDocument
        do { document = try GeoJSONDocument.decode(text) } catch {
            throw DataFileError(file: file, line: nil, message: error.message)
        }
        guard document.type == "FeatureCollection", let features = document.features else {
            throw DataFileError(file: file, line: nil, message: "expected a GeoJSON FeatureCollection, found type '\(document.type)'")
        }
        var grids: [UnitGrid] = []
        grids.reserveCapacity(features.count)
        var featureByCode: [PlaceCode: Int] = [:]
        for (offset, feature) in features.enumerated() {
            let number = offset + 1
            func problem(_ message: String, code: String? = nil) -> DataFileError {
                DataFileError(file: file, line: nil, message: "feature \(number)\(code.map { " (grid \($0))" } ?? ""): \(message)")
            }
            guard feature.type == "Feature" else { throw problem("expected type 'Feature'") }
            let properties = feature.properties ?? [:]
            guard case .string(let codeText)? = properties["code"] else {
                throw problem("property 'code' must be the grid's 15-digit code as a string")
            }
            let code: PlaceCode
            do { code = try PlaceCode(codeText, level: .grid) } catch { throw problem(error.description, code: codeText) }
            if let first = featureByCode[code] { throw problem("duplicate grid code (first in feature \(first))", code: codeText) }
            featureByCode[code] = number
            let community = code.ancestor(at: .community)!
            guard communities.contains(community) else {
                throw problem("unknown parent community \(community)", code: codeText)
            }
            guard case .string(let classText)? = properties["area_class"] else {
                throw problem("property 'area_class' is missing", code: codeText)
            }
            guard areaClasses.contains(AreaClass(classText)) else {
                throw problem("unknown area class '\(classText)'; declared: \(areaClasses.map(\.rawValue).sorted().joined(separator: ", "))", code: codeText)
            }
            var name = codeText
            if case .string(let given)? = properties["name"], !given.isEmpty { name = given }
            guard let geometry = feature.geometry else { throw problem("the feature has no geometry", code: codeText) }
            let gridGeometry: GridGeometry
            do { gridGeometry = try Self.gridGeometry(geometry) } catch {
                throw problem("malformed geometry: \(error.message)", code: codeText)
            }
            grids.append(UnitGrid(code: code, name: name, areaClass: AreaClass(classText), geometry: gridGeometry))
        }
        return grids
    }

    private static func gridGeometry(_ geometry: GeoJSONDocument.Geometry) throws(GeometryProblem) -> GridGeometry {
        guard let coordinates = geometry.coordinates else { throw GeometryProblem("no coordinates") }
        switch geometry.type {
        case "Polygon":
            return GridGeometry(polygons: [try GeoPolygon.validated(rings: try coordinates.polygonRings())])
        case "MultiPolygon":
            var polygons: [GeoPolygon] = []
            for (index, item) in try coordinates.list("a list of polygons").enumerated() {
                do { polygons.append(try GeoPolygon.validated(rings: try item.polygonRings())) } catch {
                    throw GeometryProblem("polygon \(index + 1): \(error.message)")
                }
            }
            guard !polygons.isEmpty else { throw GeometryProblem("the MultiPolygon has no polygons") }
            return GridGeometry(polygons: polygons)
        default:
            throw GeometryProblem("a unit grid must be a Polygon or MultiPolygon, not \(geometry.type)")
        }
    }
}
