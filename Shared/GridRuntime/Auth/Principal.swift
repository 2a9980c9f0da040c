public import GridDomain
public import HummingbirdAuth
import JWTKit

/// The authenticated user behind a request: who they are, what roles they hold, which places they
/// may see and which units they act for. Built from verified ``GridClaims``.
public struct Principal: Sendable, Hashable, RoleProviding {
    /// User id (`sub`).
    public let userID: String
    /// Display name (`name`), personal data: log it masked (`Masking.name(_:)` from GridDomain).
    public let displayName: String?
    /// Roles held.
    public let roles: Set<Role>
    /// Place-code prefixes the user may see; `*` means every place.
    public let placeScopes: [String]
    /// Units the user acts for.
    public let units: Set<UnitID>

    /// Creates a principal.
    public init(userID: String, displayName: String? = nil, roles: Set<Role>, placeScopes: [String] = [], units: Set<UnitID> = []) {
        self.userID = userID
        self.displayName = displayName
        self.roles = roles
        self.placeScopes = placeScopes
        self.units = units
    }

    /// True when the user holds `role`.
    public func has(_ role: Role) -> Bool { roles.contains(role) }

    /// True when `place` lies within one of the user's place scopes (a prefix of its digits, or `*`).
    public func canSee(_ place: PlaceCode) -> Bool {
        placeScopes.contains { $0 == "*" || place.digits.hasPrefix($0) }
    }

    /// True when the user acts for `unit`.
    public func actsFor(_ unit: UnitID) -> Bool { units.contains(unit) }
}

extension Principal {
    /// Builds a principal from verified claims.
    /// - Throws: ``APIError`` 401 when a place scope is not a digit prefix or `*`.
    public init(claims: GridClaims) throws(APIError) {
        let places = claims.places ?? []
        if let bad = places.first(where: { $0 != "*" && ($0.isEmpty || $0.utf8.count > 15 || !$0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }) }) {
            throw .unauthorized("bearer token has an invalid place scope '\(bad)': expected a place-code prefix (digits) or *", invalidToken: true)
        }
        self.init(
            userID: claims.subject.value,
            displayName: claims.name,
            roles: Set(claims.roles.map(Role.init(rawValue:))),
            placeScopes: places,
            units: Set((claims.units ?? []).map(UnitID.init(rawValue:))))
    }
}
