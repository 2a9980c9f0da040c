import Foundation
import GridDomain
import Logging
import PostgresNIO

/// A case in a list: the indexed columns, without the replica.
struct CaseSummary: Encodable, Sendable, Hashable {
    /// The case id.
    var id: CaseID
    /// The case number.
    var number: String
    /// The state.
    var state: String
    /// The category in force.
    var category: String?
    /// The urgency in force.
    var urgency: String
    /// The channel.
    var channel: String
    /// The placement (absent levels left out).
    var placement: CasePlacementV1
    /// When reported.
    var reportedAt: Date
    /// When opened.
    var openedAt: Date
    /// When last changed.
    var updatedAt: Date
}

/// What `GET /v1/cases` filters by.
struct CaseListFilter: Sendable, Hashable {
    /// Only cases in this state.
    var state: CaseState?
    /// Only cases of this district.
    var district: PlaceCode?
    /// Opened at or after.
    var from: Date?
    /// Opened before.
    var to: Date?
    /// Place-code prefixes the caller may see; `nil` for every place (scope `*`).
    var placeScopes: [String]?
    /// Only cases reported by this account (citizens).
    var reporterAccount: String?
    /// Page size.
    var limit: Int
    /// Continue after this `(openedAt, id)` (keyset paging, newest first).
    var after: CaseListCursor?
}

/// The position after the last case of a page: `<opened at, ms since 1970>.<case id>`.
struct CaseListCursor: Sendable, Hashable, CustomStringConvertible {
    /// The last case's opening time.
    var openedAt: Date
    /// The last case's id.
    var id: UUID

    init(openedAt: Date, id: UUID) {
        self.openedAt = openedAt
        self.id = id
    }

    /// Parses the text form; `nil` when malformed.
    init?(_ text: String) {
        let parts = text.split(separator: ".", maxSplits: 1)
        guard parts.count == 2, let milliseconds = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        self.init(openedAt: Date(timeIntervalSince1970: Double(milliseconds) / 1000), id: id)
    }

    var description: String {
        "\(Int64((openedAt.timeIntervalSince1970 * 1000).rounded(.down))).\(id.uuidString.lowercased())"
    }
}

/// Read-only queries over `cases`.
struct CaseQueries: Sendable {
    /// A page of cases, newest first.
    func list(_ filter: CaseListFilter, on connection: PostgresConnection, logger: Logger) async throws -> [CaseSummary] {
        let patterns = filter.placeScopes?.map { $0 + "%" } ?? []
        let everyPlace = filter.placeScopes == nil
        let rows = try await connection.query(
            """
            SELECT id, number, state, category, urgency, channel, grid, community, street, district, area_class,
                   reported_at, opened_at, updated_at
            FROM cases
            WHERE (\(filter.state?.rawValue)::text IS NULL OR state = \(filter.state?.rawValue))
              AND (\(filter.district?.digits)::text IS NULL OR district = \(filter.district?.digits))
              AND (\(filter.from)::timestamptz IS NULL OR opened_at >= \(filter.from))
              AND (\(filter.to)::timestamptz IS NULL OR opened_at < \(filter.to))
              AND (\(everyPlace) OR place LIKE ANY(\(patterns)::text[]))
              AND (\(filter.reporterAccount)::text IS NULL OR reporter_account = \(filter.reporterAccount))
              AND (\(filter.after?.openedAt)::timestamptz IS NULL
                   OR (opened_at, id) < (\(filter.after?.openedAt)::timestamptz, \(filter.after?.id)::uuid))
            ORDER BY opened_at DESC, id DESC
            LIMIT \(filter.limit)
            """,
            logger: logger)
        var page: [CaseSummary] = []
        for try await row in rows.decode(
            (UUID, String, String, String?, String, String, String?, String?, String?, String?, String?, Date, Date, Date).self)
        {
            let placement = CasePlacementV1(
                grid: row.6.flatMap { try? PlaceCode($0, level: .grid) },
                community: row.7.flatMap { try? PlaceCode($0, level: .community) },
                street: row.8.flatMap { try? PlaceCode($0, level: .street) },
                district: row.9.flatMap { try? PlaceCode($0, level: .district) },
                areaClass: row.10.map(AreaClass.init(rawValue:)))
            page.append(
                CaseSummary(
                    id: CaseID(rawValue: row.0), number: row.1, state: row.2, category: row.3, urgency: row.4, channel: row.5,
                    placement: placement, reportedAt: row.11, openedAt: row.12, updatedAt: row.13))
        }
        return page
    }
}
