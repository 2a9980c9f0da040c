/// Everything a service needs to place, classify and route cases in one city: places, catalog,
/// units and the 权责清单, loaded together from one directory and checked against each other.
public struct CityReferenceData: Sendable {
    /// File names inside the directory.
    public struct Configuration: Sendable, Hashable {
        /// Area classes (CSV). Default `area-classes.csv`.
        public var areaClassesFile = "area-classes.csv"
        /// Places above the grids (CSV). Default `places.csv`.
        public var placesFile = "places.csv"
        /// Unit grids (GeoJSON). Default `grids.geojson`.
        public var gridsFile = "grids.geojson"
        /// The category catalog (CSV). Default `catalog.csv`.
        public var catalogFile = "catalog.csv"
        /// Disposal units (CSV). Default `units.csv`.
        public var unitsFile = "units.csv"
        /// The 权责清单 (CSV). Default `responsibility-list.csv`.
        public var responsibilityListFile = "responsibility-list.csv"

        /// The default file names.
        public init() {}
    }

    /// The place hierarchy with grids.
    public let places: PlaceHierarchy
    /// The category catalog.
    public let catalog: CategoryCatalog
    /// The disposal units.
    public let units: UnitRegistry
    /// The 权责清单.
    public let responsibilityList: ResponsibilityList

    /// Loads the files from `directory`; `listVersion` is the version recorded with every decision.
    public init(directory: String, listVersion: String, configuration: Configuration = Configuration()) throws(DataFileError) {
        func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        places = try PlaceHierarchy(
            areaClassesPath: path(configuration.areaClassesFile), placesPath: path(configuration.placesFile),
            gridsPath: path(configuration.gridsFile))
        catalog = try CategoryCatalog(csvPath: path(configuration.catalogFile))
        units = try UnitRegistry(csvPath: path(configuration.unitsFile), places: places)
        responsibilityList = try ResponsibilityList(
            csvPath: path(configuration.responsibilityListFile), version: listVersion, catalog: catalog, places: places, units: units)
    }

    /// A resolver for the loaded list. (The loader has already checked everything the resolver checks,
    /// so this throws only if the data were changed in between.)
    public func resolver(configuration: ResponsibilityResolver.Configuration = .init()) throws(ResponsibilityListError) -> ResponsibilityResolver {
        try ResponsibilityResolver(list: responsibilityList, catalog: catalog, places: places, units: units, configuration: configuration)
    }
}
