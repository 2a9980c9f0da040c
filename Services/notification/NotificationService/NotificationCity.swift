public import GridDomain

/// What the notification service knows of its city: the places, catalog and units (for names in
/// messages and to resolve recipients) and the notification rules. Loaded once at start-up from
/// `GRIDLOOP_CITY_DIR`.
public struct NotificationCity: Sendable {
    /// The place hierarchy.
    public let places: PlaceHierarchy
    /// The category catalog.
    public let catalog: CategoryCatalog
    /// The disposal units.
    public let units: UnitRegistry
    /// The notification rules.
    public let rules: NotificationRules

    /// Creates a city from its parts.
    public init(places: PlaceHierarchy, catalog: CategoryCatalog, units: UnitRegistry, rules: NotificationRules) {
        self.places = places
        self.catalog = catalog
        self.units = units
        self.rules = rules
    }

    /// Loads the city in `directory`: `area-classes.csv`, `places.csv`, `grids.geojson`, `catalog.csv`,
    /// `units.csv` (names as in `CityReferenceData`) and the notification rules in `rulesDirectory`
    /// (default: the directory's `notifications` folder).
    /// - Throws: `DataFileError` naming the file (and line) of the first problem.
    public init(directory: String, rulesDirectory: String? = nil) throws(DataFileError) {
        let files = CityReferenceData.Configuration()
        func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        let places = try PlaceHierarchy(
            areaClassesPath: path(files.areaClassesFile), placesPath: path(files.placesFile), gridsPath: path(files.gridsFile))
        let catalog = try CategoryCatalog(csvPath: path(files.catalogFile))
        let units = try UnitRegistry(csvPath: path(files.unitsFile), places: places)
        let rules = try NotificationRules(directory: rulesDirectory ?? path("notifications"), places: places, units: units)
        self.init(places: places, catalog: catalog, units: units, rules: rules)
    }

    /// The name of a place, or its code when the city has no such place.
    public func name(of place: PlaceCode) -> String {
        places.place(place)?.name ?? places.grid(place)?.name ?? place.digits
    }

    /// The name of a unit, or its id when the city has no such unit.
    public func name(of unit: UnitID) -> String {
        units.unit(unit)?.name ?? unit.rawValue
    }

    /// The name of a recipient as shown in messages and the delivery record.
    public func name(of recipient: Recipient, contact: Contact?) -> String {
        switch recipient {
        case .unit(let unit): return name(of: unit)
        case .centre(let place): return contact?.name ?? name(of: place) + "指挥中心"
        case .dispatchDesk(let place): return contact?.name ?? name(of: place) + "派遣席"
        case .reporter: return "报告人"
        }
    }
}
