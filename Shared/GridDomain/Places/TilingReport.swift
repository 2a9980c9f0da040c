/// One problem found by `PlaceHierarchy.checkTiling()`.
public struct TilingIssue: Sendable, Hashable, CustomStringConvertible {
    /// What kind of problem it is. Extensible: new kinds may be added.
    public struct Kind: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The identifier as written.
        public let rawValue: String
        /// Creates a value from its identifier.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// A readable form for messages and logs.
        public var description: String { rawValue }

        /// Two grids share some area (`places` holds both).
        public static let overlap = Kind(rawValue: "overlap")
        /// An area enclosed by grids that no grid covers — a hole in the city (`places` holds the grids
        /// around it, `ring` its outline).
        public static let gap = Kind(rawValue: "gap")
        /// A district, street or community whose grids form several separate pieces (`places` holds the
        /// place, `pieces` the count).
        public static let fragmented = Kind(rawValue: "fragmented")
        /// A district, street or community whose grids surround an area belonging to other places
        /// (`places` holds the place, `ring` the inner outline).
        public static let enclave = Kind(rawValue: "enclave")
        /// A district, street or community with no grids at all.
        public static let emptyPlace = Kind(rawValue: "empty_place")
    }

    /// The kind of problem.
    public let kind: Kind
    /// The places concerned (see `Kind`).
    public let places: [PlaceCode]
    /// The outline of a gap or enclave, counter-clockwise; empty for other kinds.
    public let ring: [GeoPosition]
    /// The number of pieces of a fragmented place; 0 for other kinds.
    public let pieces: Int

    /// Creates an issue.
    public init(kind: Kind, places: [PlaceCode], ring: [GeoPosition] = [], pieces: Int = 0) {
        self.kind = kind
        self.places = places
        self.ring = ring
        self.pieces = pieces
    }

    /// A one-line explanation for people.
    public var description: String {
        let names = places.map(\.description).joined(separator: ", ")
        switch kind {
        case .overlap: return "grids \(names) overlap"
        case .gap: return "an area around \(ring.first.map(\.description) ?? "?") (\(ring.count) vertices) is covered by no grid; it borders \(names)"
        case .fragmented: return "the grids of \(names) form \(pieces) separate pieces"
        case .enclave: return "the grids of \(names) surround an area of other places around \(ring.first.map(\.description) ?? "?")"
        case .emptyPlace: return "\(names) has no unit grids"
        default: return "\(kind): \(names)"
        }
    }
}

/// The result of checking that a city's grids tile it: no overlaps, no holes, every place covered.
public struct TilingReport: Sendable, Hashable {
    /// Problems found, overlaps first, then gaps, fragmented places, enclaves and empty places.
    public let issues: [TilingIssue]
    /// How many grids were checked.
    public let gridCount: Int

    /// True when no problem was found.
    public var isClean: Bool { issues.isEmpty }
}
