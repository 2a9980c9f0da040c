#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridRuntime
public import Hummingbird
import Logging
public import PostgresNIO

/// The notification service's HTTP API, under `/v1` (roles `admin`, `auditor`, `shift_lead`; rows are
/// limited to the caller's place scopes):
///
/// - `GET /v1/deliveries?caseId=&status=&recipient=&limit=&cursor=`: what was sent, when, to whom and
///   how it went, newest first.
/// - `GET /v1/sink?recipient=&limit=&before=`: the development sink's messages, newest first.
public struct NotificationRoutes: Sendable {
    /// Roles that may read deliveries and the sink.
    public static let readerRoles: [Role] = [.admin, .auditor, .shiftLead]
    /// Most rows per page.
    public static let maximumLimit = 1000
    /// Rows per page when `limit` is not given.
    public static let defaultLimit = 100

    let client: PostgresClient
    let deliveries = DeliveryStore()
    let sink = SinkStore()

    /// Creates the routes reading through `client`.
    public init(client: PostgresClient) {
        self.client = client
    }

    /// Adds the routes.
    public func add(to router: Router<GridRequestContext>) {
        let group = router.group("v1", context: AuthenticatedContext.self)
        group.get("deliveries") { request, context in
            try await listDeliveries(request, context)
        }
        group.get("sink") { request, context in
            try await listSink(request, context)
        }
    }

    /// The answer of `GET /v1/deliveries`.
    struct DeliveryList: Encodable {
        let deliveries: [DeliveryRecord]
        let nextCursor: String?
    }

    /// The answer of `GET /v1/sink`.
    struct SinkList: Encodable {
        let messages: [SinkMessage]
        let nextBefore: Int64?
    }

    func listDeliveries(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        try context.principal.requireRole(anyOf: Self.readerRoles)
        let query = request.uri.queryParameters
        var problems: [String] = []
        var filter = DeliveryStore.Filter(visibility: PlaceVisibility(placeScopes: context.principal.placeScopes))
        if let text = query.get("caseId") {
            if let id = UUID(uuidString: text) { filter.caseId = id } else { problems.append("caseId '\(text)' is not a UUID") }
        }
        if let text = query.get("status") {
            if let status = DeliveryStatus(rawValue: text) {
                filter.status = status
            } else {
                problems.append("status '\(text)' is not one of \(DeliveryStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        }
        if let text = query.get("recipient") {
            if text.isEmpty || text.utf8.count > 200 { problems.append("recipient must be 1–200 characters") } else { filter.recipient = text }
        }
        if let text = query.get("cursor") {
            if let cursor = DeliveryCursor(text) { filter.cursor = cursor } else { problems.append("cursor '\(text)' is not a cursor from nextCursor") }
        }
        filter.limit = Self.limit(query.get("limit"), problems: &problems)
        guard problems.isEmpty else { throw APIError.badRequest(problems.joined(separator: "; "), code: "invalid_query") }
        let page = try await deliveries.list(filter, on: client, logger: context.logger)
        return try JSONResponse.ok(DeliveryList(deliveries: page.deliveries, nextCursor: page.nextCursor?.description))
    }

    func listSink(_ request: Request, _ context: AuthenticatedContext) async throws -> Response {
        try context.principal.requireRole(anyOf: Self.readerRoles)
        let query = request.uri.queryParameters
        var problems: [String] = []
        var recipient: String?
        var before: Int64?
        if let text = query.get("recipient") {
            if text.isEmpty || text.utf8.count > 200 { problems.append("recipient must be 1–200 characters") } else { recipient = text }
        }
        if let text = query.get("before") {
            if let value = Int64(text), value > 0 { before = value } else { problems.append("before '\(text)' is not a positive message id") }
        }
        let limit = Self.limit(query.get("limit"), problems: &problems)
        guard problems.isEmpty else { throw APIError.badRequest(problems.joined(separator: "; "), code: "invalid_query") }
        let messages = try await sink.list(
            recipient: recipient, before: before, limit: limit, visibility: PlaceVisibility(placeScopes: context.principal.placeScopes),
            on: client, logger: context.logger)
        return try JSONResponse.ok(SinkList(messages: messages, nextBefore: messages.count == limit ? messages.last?.id : nil))
    }

    static func limit(_ text: String?, problems: inout [String]) -> Int {
        guard let text else { return defaultLimit }
        guard let value = Int(text), (1...maximumLimit).contains(value) else {
            problems.append("limit '\(text)' is not an integer 1…\(maximumLimit)")
            return defaultLimit
        }
        return value
    }
}
