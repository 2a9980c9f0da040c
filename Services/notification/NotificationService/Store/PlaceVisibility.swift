/// Which places' rows a reader may see: a user's place scopes (`*` or place-code prefixes).
public enum PlaceVisibility: Sendable, Hashable {
    /// Every row.
    case all
    /// Rows whose place starts with one of these digit prefixes (rows without a place are hidden).
    case within([String])

    /// The visibility of a user with `placeScopes` (from the bearer token).
    public init(placeScopes: [String]) {
        self = placeScopes.contains("*") ? .all : .within(placeScopes)
    }

    /// `LIKE` patterns of ``within(_:)`` (`339901%`).
    var likePatterns: [String] {
        guard case .within(let prefixes) = self else { return [] }
        return prefixes.map { $0 + "%" }
    }
}
