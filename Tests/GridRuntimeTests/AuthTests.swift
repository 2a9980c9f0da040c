import Foundation
import GridDomain
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import JWTKit
import NIOCore
import Testing
import TestSupport

@testable import GridRuntime

/// Mints tokens for the tests.
enum TestTokens {
    static let secret = "test-secret-0123456789-abcdefghijklmnop"

    static func claims(
        roles: [String], places: [String]? = nil, units: [String]? = nil, issuer: String = "gridloop",
        audience: String = "gridloop", expiresIn: TimeInterval = 600
    ) -> GridClaims {
        GridClaims(
            subject: "u-1001", name: "张三", roles: roles, places: places, units: units, issuer: issuer, audience: audience,
            expiration: Date().addingTimeInterval(expiresIn))
    }

    static func hs256(_ claims: GridClaims, secret: String = TestTokens.secret) async throws -> String {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        return try await keys.sign(claims)
    }
}

@Suite("Auth")
struct AuthTests {
    let auth = ServiceConfiguration.Auth(key: .sharedSecret(TestTokens.secret))

    @Test func aValidTokenNamesThePrincipal() async throws {
        let verifier = try await TokenVerifier(configuration: auth)
        let token = try await TestTokens.hs256(
            TestTokens.claims(roles: ["dispatcher", "auditor"], places: ["330102"], units: ["D01-SANITATION"]))
        let principal = try await verifier.verify(token)
        #expect(principal.userID == "u-1001")
        #expect(principal.displayName == "张三")
        #expect(principal.roles == [.dispatcher, .auditor])
        #expect(principal.placeScopes == ["330102"])
        #expect(principal.units == [UnitID("D01-SANITATION")])
        #expect(principal.canSee(try PlaceCode("330102001002003")))
        #expect(!principal.canSee(try PlaceCode("330103001002003")))
    }

    @Test func invalidTokensAreRejectedWithAReason() async throws {
        let verifier = try await TokenVerifier(configuration: auth)
        let cases: [(String, String)] = [
            (try await TestTokens.hs256(TestTokens.claims(roles: [], expiresIn: -60)), "bearer token has expired"),
            (try await TestTokens.hs256(TestTokens.claims(roles: []), secret: String(repeating: "w", count: 40)),
             "bearer token signature is invalid"),
            (try await TestTokens.hs256(TestTokens.claims(roles: [], issuer: "elsewhere")),
             "bearer token was issued by 'elsewhere', expected 'gridloop'"),
            (try await TestTokens.hs256(TestTokens.claims(roles: [], audience: "other-app")),
             "bearer token is not meant for audience 'gridloop'"),
            ("not.a.jwt", "bearer token is malformed"),
            (try await TestTokens.hs256(TestTokens.claims(roles: [], places: ["33-01"])),
             "bearer token has an invalid place scope '33-01': expected a place-code prefix (digits) or *"),
        ]
        for (token, message) in cases {
            let error = await #expect(throws: APIError.self) { try await verifier.verify(token) }
            #expect(error?.status == .unauthorized)
            #expect(error?.message == message)
        }
    }

    @Test func publicKeyTokensVerifyWithES256() async throws {
        let privateKey = ES256PrivateKey()
        let signer = JWTKeyCollection()
        await signer.add(ecdsa: privateKey)
        let token = try await signer.sign(TestTokens.claims(roles: ["operator"]))
        let verifier = try await TokenVerifier(
            configuration: .init(key: try TokenKey.publicKey(pem: privateKey.publicKey.pemRepresentation)))
        #expect(try await verifier.verify(token).roles == [.operator])
        // A token signed with another key is refused.
        let otherSigner = JWTKeyCollection()
        await otherSigner.add(ecdsa: ES256PrivateKey())
        let forged = try await otherSigner.sign(TestTokens.claims(roles: ["admin"]))
        await #expect(throws: APIError.self) { try await verifier.verify(forged) }
    }

    /// Routes guarded with the helpers, behind the standard middleware.
    func makeApplication() async throws -> some ApplicationProtocol {
        let router = Router(context: GridRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: ProblemMiddleware())
        router.add(middleware: JWTAuthenticator<GridRequestContext>(verifier: try await TokenVerifier(configuration: auth)))
        router.get("/public") { _, context in context.identity?.userID ?? "anonymous" }
        router.group("/api", context: AuthenticatedContext.self)
            .get("/whoami") { _, context in context.principal.userID }
            .get("/places/:code") { _, context -> String in
                let place = try PlaceCode(try context.parameters.require("code"))
                try context.principal.requireScope(place: place)
                return place.digits
            }
            .post("/units/:unit/dispatch") { _, context -> String in
                try context.principal.requireRole(.dispatcher, .shiftLead)
                let unit = UnitID(try context.parameters.require("unit"))
                try context.principal.requireUnit(unit)
                return "dispatched to \(unit)"
            }
        return Application(router: router)
    }

    struct Problem: Decodable {
        struct Body: Decodable {
            let code: String
            let message: String
        }
        let error: Body
    }

    static func problem(_ response: TestResponse) throws -> Problem {
        try JSONDecoder().decode(Problem.self, from: Data(String(buffer: response.body).utf8))
    }

    @Test func helpersAnswer401And403WithClearMessages() async throws {
        let dispatcher = try await TestTokens.hs256(
            TestTokens.claims(roles: ["dispatcher"], places: ["330102001"], units: ["D01-SANITATION"]))
        let citizen = try await TestTokens.hs256(TestTokens.claims(roles: ["citizen"], places: ["*"]))
        let expired = try await TestTokens.hs256(TestTokens.claims(roles: ["dispatcher"], expiresIn: -5))
        let app = try await makeApplication()
        try await app.test(.router) { client in
            try await client.execute(uri: "/public", method: .get) { response in
                #expect(String(buffer: response.body) == "anonymous")
            }
            try await client.execute(uri: "/api/whoami", method: .get) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == "Bearer")
                let problem = try Self.problem(response)
                #expect(problem.error.code == "unauthenticated")
                #expect(problem.error.message == "authentication required: send 'Authorization: Bearer <token>'")
            }
            try await client.execute(uri: "/public", method: .get, headers: [.authorization: "Bearer \(expired)"]) { response in
                #expect(response.status == .unauthorized)
                #expect(response.headers[.wwwAuthenticate] == #"Bearer error="invalid_token""#)
                try #expect(Self.problem(response).error.message == "bearer token has expired")
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.authorization: "Basic abc"]) { response in
                #expect(response.status == .unauthorized)
                try #expect(Self.problem(response).error.message == "the Authorization header must be 'Bearer <token>'")
            }
            try await client.execute(uri: "/api/whoami", method: .get, headers: [.authorization: "Bearer \(dispatcher)"]) { response in
                #expect(String(buffer: response.body) == "u-1001")
            }
            try await client.execute(uri: "/api/places/330102001002003", method: .get, headers: [.authorization: "Bearer \(dispatcher)"]) {
                response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/places/330102002001001", method: .get, headers: [.authorization: "Bearer \(dispatcher)"]) {
                response in
                #expect(response.status == .forbidden)
                let problem = try Self.problem(response)
                #expect(problem.error.code == "forbidden")
                #expect(problem.error.message == "place 330102002001001 is outside your district/street scope")
            }
            try await client.execute(uri: "/api/places/33010200", method: .get, headers: [.authorization: "Bearer \(citizen)"]) { response in
                #expect(response.status == .unprocessableContent)
                try #expect(Self.problem(response).error.code == "invalid_code")
            }
            try await client.execute(uri: "/api/units/D01-SANITATION/dispatch", method: .post, headers: [.authorization: "Bearer \(dispatcher)"]) {
                response in
                #expect(String(buffer: response.body) == "dispatched to D01-SANITATION")
            }
            try await client.execute(uri: "/api/units/D02-PARKS/dispatch", method: .post, headers: [.authorization: "Bearer \(dispatcher)"]) {
                response in
                #expect(response.status == .forbidden)
                try #expect(Self.problem(response).error.message == "you do not act for unit D02-PARKS")
            }
            try await client.execute(uri: "/api/units/D01-SANITATION/dispatch", method: .post, headers: [.authorization: "Bearer \(citizen)"]) {
                response in
                #expect(response.status == .forbidden)
                let message = try Self.problem(response).error.message
                #expect(message == "this action requires the role dispatcher or shift_lead; your roles: citizen")
            }
        }
    }

    @Test func devTokenScriptMintsTokensTheServiceAccepts() async throws {
        let root = RepositoryFiles.root
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [
            "python3", root.appendingPathComponent("scripts/dev-token").path, "--role", "dispatcher", "--role", "shift_lead",
            "--unit", "D01-SANITATION", "--place", "330102", "--name", "李四", "--subject", "u-7",
        ]
        process.environment = ["AUTH_JWT_SECRET": TestTokens.secret, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin"]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let token = String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        let principal = try await TokenVerifier(configuration: auth).verify(token)
        #expect(principal.userID == "u-7")
        #expect(principal.displayName == "李四")
        #expect(principal.roles == [.dispatcher, .shiftLead])
        #expect(principal.units == [UnitID("D01-SANITATION")])
        #expect(principal.placeScopes == ["330102"])
    }
}
