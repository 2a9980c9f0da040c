public import GridDomain

/// The parts of the city the assessment service needs: places (to check district and street filters
/// and name the groups), the catalog (to check the category filter) and the units (to name
/// departments). Loaded from `GRIDLOOP_CITY_DIR` at start-up.
public struct AssessmentCity: Sendable {
    /// The place hierarchy.
    public let places: PlaceHierarchy
    /// The category catalog.
    public let catalog: CategoryCatalog
    /// The disposal units.
    public let units: UnitRegistry

    /// The city from already loaded parts.
    public init(places: PlaceHierarchy, catalog: CategoryCatalog, units: UnitRegistry) {
        self.places = places
        self.catalog = catalog
        self.units = units
    }

    /// Loads the city's files from `directory` (the file names of `CityReferenceData.Configuration`).
    /// - Throws: `DataFileError` naming the file and line of the first problem.
    public init(directory: String, files: CityReferenceData.Configuration = .init()) throws(DataFileError) {
        func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        let places = try PlaceHierarchy(
            areaClassesPath: path(files.areaClassesFile), placesPath: path(files.placesFile), gridsPath: path(files.gridsFile))
        self.init(
            places: places, catalog: try CategoryCatalog(csvPath: path(files.catalogFile)),
            units: try UnitRegistry(csvPath: path(files.unitsFile), places: places))
    }

    /// The display name of a group: the unit's or the place's name; `nil` when unknown.
    public func name(ofGroup key: String, by grouping: IndicatorGrouping) -> String? {
        switch grouping {
        case .department:
            return units.unit(UnitID(key))?.name
        case .district, .street:
            guard let code = try? PlaceCode(key) else { return nil }
            return places.place(code)?.name
        }
    }
}
