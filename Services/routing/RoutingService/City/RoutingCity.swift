public import GridDomain

/// What routing knows about its city, loaded once at start-up from `GRIDLOOP_CITY_DIR`: places,
/// catalog, units and the 权责清单 (with its compiled resolver), the lifecycle's configuration, and
/// the deadline policy with the working calendar (to show disposal units their deadlines).
public struct RoutingCity: Sendable {
    /// Places, catalog, units and the 权责清单.
    public let reference: CityReferenceData
    /// The compiled 权责清单 (resolving is a few hash lookups; share it).
    public let resolver: ResponsibilityResolver
    /// The case lifecycle, with the city's configuration (`lifecycle.csv`, the same as intake's).
    public let lifecycle: CaseLifecycle
    /// Deadline policy and calendar, for the deadlines shown with tasks.
    public let deadlines: DeadlinePreview

    /// Assembles a city from loaded parts (tests build small cities this way).
    public init(reference: CityReferenceData, resolver: ResponsibilityResolver, lifecycle: CaseLifecycle, deadlines: DeadlinePreview) {
        self.reference = reference
        self.resolver = resolver
        self.lifecycle = lifecycle
        self.deadlines = deadlines
    }

    /// The disposal units.
    public var units: UnitRegistry { reference.units }
}
