public import GridDomain

/// Which cases a report covers: the caller's place scopes and the optional district, street and
/// category filters.
public struct IndicatorFilter: Sendable, Hashable {
    /// Place-code prefixes the caller may see; `nil` means every place (scope `*`). A case without a
    /// placement is visible only with every place.
    public var placePrefixes: [String]?
    /// Only cases in this district.
    public var district: PlaceCode?
    /// Only cases in this street.
    public var street: PlaceCode?
    /// Only cases of this category: a 大类 (`E01`) covers its 小类.
    public var category: CategoryCode?

    /// A filter.
    public init(placePrefixes: [String]? = nil, district: PlaceCode? = nil, street: PlaceCode? = nil, category: CategoryCode? = nil) {
        self.placePrefixes = placePrefixes
        self.district = district
        self.street = street
        self.category = category
    }

    /// Whether a case (or event) with `placement` and `category` is covered.
    public func matches(placement: CasePlacementV1, category caseCategory: CategoryCode?) -> Bool {
        if let placePrefixes {
            let place = placement.grid ?? placement.community ?? placement.street ?? placement.district
            guard let place, placePrefixes.contains(where: { place.digits.hasPrefix($0) }) else { return false }
        }
        if let district, placement.district != district { return false }
        if let street, placement.street != street { return false }
        if let category {
            guard let caseCategory, caseCategory.description.hasPrefix(category.description) else { return false }
        }
        return true
    }
}
