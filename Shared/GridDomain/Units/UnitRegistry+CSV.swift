extension UnitRegistry {
    /// Reads units from CSV text with columns `id,name,level,place,kind`: `level` is
    /// `city|district|street|community|grid` (or 市, 区, 街道, 社区…), `place` the code of the place served
    /// at that level (the city's own 6-digit code for city units), `kind` the kind of work (环卫, 市政…).
    /// Errors carry the line number.
    public init(csv text: String, file: String = "units.csv", places: PlaceHierarchy) throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: ["id", "name", "level", "place", "kind"])
        var units: [DisposalUnit] = []
        var lineByID: [UnitID: Int] = [:]
        var lineByPlaceAndKind: [PlaceAndKind: (line: Int, unit: UnitID)] = [:]
        for row in table.rows {
            let id = UnitID(try row.required("id"))
            guard !id.rawValue.contains(where: { $0 == " " || $0 == "|" || $0 == ";" || $0 == "@" }) else {
                throw row.error("unit id '\(id)' may not contain spaces, '|', ';' or '@'")
            }
            if let first = lineByID[id] { throw row.error("unit id \(id) appears twice (first on line \(first))") }
            lineByID[id] = row.line
            let levelText = try row.required("level")
            guard let level = GovernanceLevel(parsing: levelText) else {
                throw row.error("unknown level '\(levelText)'; use city, district, street, community or grid")
            }
            let placeText = try row.required("place")
            let place: PlaceCode?
            do { place = try places.code(parsing: placeText) } catch { throw row.error(error.description) }
            guard let place else { throw row.error("unknown place \(placeText)") }
            guard place.level == level else {
                throw row.error("a \(level.rawValue)-level unit must serve a \(level.rawValue), but \(place) is a \(place.level.rawValue)")
            }
            let kind = UnitKind(try row.required("kind"))
            let key = PlaceAndKind(place: place, kind: kind)
            if let other = lineByPlaceAndKind[key] {
                throw row.error("\(other.unit) (line \(other.line)) is already the \(kind) unit serving \(place)")
            }
            lineByPlaceAndKind[key] = (row.line, id)
            units.append(DisposalUnit(id: id, name: try row.required("name"), level: level, place: place, kind: kind))
        }
        do { try self.init(units, places: places) } catch {
            throw DataFileError(file: file, line: lineByID[error.unit], message: error.description)
        }
    }

    /// Reads units from a CSV file on disk.
    public init(csvPath path: String, places: PlaceHierarchy) throws(DataFileError) {
        try self.init(csv: try DataFileReader.read(path), file: path, places: places)
    }
}
