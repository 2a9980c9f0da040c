import Foundation
import GridRuntime
import JWTKit

extension LocalStack {
    /// An HS256 bearer token the stack's services accept, signed with `AUTH_JWT_SECRET` from `<state>/dev.env`
    /// (issuer and audience `gridloop`, valid for an hour) — what `scripts/dev-token` mints.
    ///
    /// - Parameters:
    ///   - role: the role (`operator`, `dispatcher`, `shift_lead`, `disposal_unit`, `supervisor`, `admin`, …).
    ///   - places: place-code prefixes the user may see; default every place (`*`).
    ///   - unit: the unit the user acts for (disposal units, dispatchers), if any.
    ///   - sub: the user id.
    func token(role: String, places: [String] = ["*"], unit: String? = nil, sub: String = "e2e-user") async throws -> String {
        try await self.token(roles: [role], places: places, units: unit.map { [$0] } ?? [], sub: sub)
    }

    /// A token with several roles and units (see ``token(role:places:unit:sub:)``).
    func token(roles: [String], places: [String] = ["*"], units: [String] = [], sub: String = "e2e-user") async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: try self.jwtSecret()), digestAlgorithm: .sha256)
        let claims = GridClaims(
            subject: sub, roles: roles, places: places, units: units.isEmpty ? nil : units,
            issuer: "gridloop", audience: "gridloop", expiration: Date().addingTimeInterval(3600))
        return try await keys.sign(claims)
    }

    /// The stack's generated secrets and passwords (`<state>/dev.env`: `AUTH_JWT_SECRET`,
    /// `GRIDLOOP_DB_PASSWORD_<ROLE>`).
    func secrets() throws(LocalStackError) -> [String: String] {
        let file = "\(self.stateDirectory)/dev.env"
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw LocalStackError("\(file) does not exist: the stack was not started")
        }
        var values: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            values[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return values
    }

    /// A PostgreSQL URL for a service's own role (read-only checks of its tables in tests).
    func databaseURL(_ service: StackService) throws(LocalStackError) -> String {
        let variable = "GRIDLOOP_DB_PASSWORD_\(service.schema.uppercased())"
        guard let password = try self.secrets()[variable] else { throw LocalStackError("dev.env has no \(variable)") }
        return "postgres://\(service.schema):\(password)@127.0.0.1:\(self.postgresPort)/gridloop"
    }

    private func jwtSecret() throws(LocalStackError) -> String {
        guard let secret = try self.secrets()["AUTH_JWT_SECRET"] else {
            throw LocalStackError("\(self.stateDirectory)/dev.env has no AUTH_JWT_SECRET")
        }
        return secret
    }
}
