public import GridDomain

extension Principal {
    /// Requires one of `roles`.
    /// - Throws: ``APIError`` 403 naming the roles required and held.
    public func requireRole(_ roles: Role...) throws(APIError) {
        try requireRole(anyOf: roles)
    }

    /// Requires one of `roles`.
    /// - Throws: ``APIError`` 403 naming the roles required and held.
    public func requireRole(anyOf roles: [Role]) throws(APIError) {
        guard roles.contains(where: has) else {
            let needed = roles.map(\.rawValue).joined(separator: " or ")
            let held = self.roles.isEmpty ? "none" : self.roles.sorted().map(\.rawValue).joined(separator: ", ")
            throw .forbidden("this action requires the role \(needed); your roles: \(held)")
        }
    }

    /// Requires `place` to be within the user's place scopes.
    /// - Throws: ``APIError`` 403 naming the place.
    public func requireScope(place: PlaceCode) throws(APIError) {
        guard canSee(place) else {
            throw .forbidden("place \(place.digits) is outside your district/street scope")
        }
    }

    /// Requires the user to act for `unit`.
    /// - Throws: ``APIError`` 403 naming the unit.
    public func requireUnit(_ unit: UnitID) throws(APIError) {
        guard actsFor(unit) else {
            throw .forbidden("you do not act for unit \(unit.rawValue)")
        }
    }
}
