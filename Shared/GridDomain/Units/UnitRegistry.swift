/// The registry of a city's disposal units.
///
/// At most one unit of a kind serves a place, so the 权责清单 can say "the street's 环卫 unit" and
/// mean exactly one unit wherever the case is.
public struct UnitRegistry: Sendable {
    /// All units, ordered by id.
    public let units: [DisposalUnit]
    private let byID: [UnitID: DisposalUnit]
    private let byPlaceAndKind: [PlaceAndKind: UnitID]
    private let kindsByLevel: [GovernanceLevel: Set<UnitKind>]

    struct PlaceAndKind: Hashable {
        var place: PlaceCode
        var kind: UnitKind
    }

    /// Builds a registry; throws on a repeated id, a place at another level than the unit, a place
    /// the city does not have, or two units of one kind serving one place.
    public init(_ units: [DisposalUnit], places: PlaceHierarchy) throws(UnitRegistryError) {
        var byID: [UnitID: DisposalUnit] = [:]
        var byPlaceAndKind: [PlaceAndKind: UnitID] = [:]
        for unit in units {
            guard byID.updateValue(unit, forKey: unit.id) == nil else {
                throw UnitRegistryError(unit: unit.id, reason: "the id is used twice")
            }
            guard places.contains(unit.place) else {
                throw UnitRegistryError(unit: unit.id, reason: "the city has no place \(unit.place)")
            }
            guard unit.place.level == unit.level else {
                throw UnitRegistryError(
                    unit: unit.id,
                    reason: "a \(unit.level.rawValue)-level unit must serve a \(unit.level.rawValue), but \(unit.place) is a \(unit.place.level.rawValue)")
            }
            let key = PlaceAndKind(place: unit.place, kind: unit.kind)
            if let other = byPlaceAndKind.updateValue(unit.id, forKey: key) {
                throw UnitRegistryError(unit: unit.id, reason: "\(other) is already the \(unit.kind) unit serving \(unit.place)")
            }
        }
        self.units = units.sorted { $0.id < $1.id }
        self.byID = byID
        self.byPlaceAndKind = byPlaceAndKind
        self.kindsByLevel = Dictionary(grouping: units, by: \.level).mapValues { Set($0.map(\.kind)) }
    }

    /// The unit with this id, or `nil`.
    public func unit(_ id: UnitID) -> DisposalUnit? { byID[id] }

    /// True when the registry has this unit.
    public func contains(_ id: UnitID) -> Bool { byID[id] != nil }

    /// The unit of `kind` serving exactly `place`, or `nil`.
    public func unit(of kind: UnitKind, serving place: PlaceCode) -> DisposalUnit? {
        byPlaceAndKind[PlaceAndKind(place: place, kind: kind)].flatMap { byID[$0] }
    }

    /// The kinds of unit present at `level`.
    public func kinds(at level: GovernanceLevel) -> Set<UnitKind> { kindsByLevel[level] ?? [] }
}

/// A registry that is inconsistent (see `UnitRegistry.init`).
public struct UnitRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The unit concerned.
    public let unit: UnitID
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(unit: UnitID, reason: String) {
        self.unit = unit
        self.reason = reason
    }

    /// A readable form for messages and logs.
    public var description: String { "unit \(unit): \(reason)" }
}
