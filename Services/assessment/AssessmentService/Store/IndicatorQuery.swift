import Foundation
import GridDomain
import Logging
import PostgresNIO

/// Computes the indicator counts in PostgreSQL, grouped, without loading the facts: the SQL form of
/// `IndicatorFormulas` (each `FILTER` mirrors one of its predicates; keep them together).
struct IndicatorQuery: Sendable {
    /// The counts and cards of one group.
    struct GroupResult: Sendable, Hashable {
        var counts = IndicatorCounts()
        var cards = CardCounts()
    }

    /// Counts per group key (`nil`: no department, or not located).
    func run(
        period: IndicatorPeriod, grouping: IndicatorGrouping, filter: IndicatorFilter,
        on client: PostgresClient, logger: Logger
    ) async throws -> [String?: GroupResult] {
        var results: [String?: GroupResult] = [:]
        let caseRows = try await client.query(Self.caseCountsQuery(period: period, grouping: grouping, filter: filter), logger: logger)
        for try await row in caseRows.decode(
            (String?, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int, Int).self
        ) {
            var counts = IndicatorCounts()
            counts.filed = row.1
            counts.voided = row.2
            counts.duplicates = row.3
            counts.dueForClosing = row.4
            counts.disposed = row.5
            counts.overdueUndisposed = row.6
            counts.closed = row.7
            counts.closedOnTime = row.8
            counts.parkedExcluded = row.9
            counts.closedInPeriod = row.10
            counts.selfDisposed = row.11
            counts.disposedInPeriod = row.12
            counts.reworked = row.13
            counts.disposedLate = row.14
            results[row.0, default: GroupResult()].counts = counts
        }
        let cardRows = try await client.query(Self.cardCountsQuery(period: period, grouping: grouping, filter: filter), logger: logger)
        for try await (key, kind, stageName, count) in cardRows.decode((String?, String, String, Int).self) {
            guard let stage = CaseStage(rawValue: stageName) else { continue }
            results[key, default: GroupResult()].cards.add(red: kind == EventFact.Kind.redCard.rawValue, stage: stage, count: count)
        }
        return results
    }

    /// The case counts: one row per group.
    static func caseCountsQuery(period: IndicatorPeriod, grouping: IndicatorGrouping, filter: IndicatorFilter) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(period.from)  // $1
        binds.append(period.to)  // $2
        let filters = filterSQL(filter, firstParameter: 3, binds: &binds)
        let key: String
        switch grouping {
        case .department: key = "department"
        case .district: key = "district"
        case .street: key = "street"
        }
        let filed = "filed_at >= $1 AND filed_at < $2"
        let becameDue =
            "due_for_closing_at >= $1 AND due_for_closing_at < $2 AND voided_at IS NULL AND duplicate_at IS NULL"
        let due = "\(becameDue) AND state <> 'parked'"
        let closed = "\(due) AND closed_at IS NOT NULL"
        let closedInPeriod = "closed_at >= $1 AND closed_at < $2"
        let disposedInPeriod = "first_disposed_at >= $1 AND first_disposed_at < $2 AND voided_at IS NULL"
        let sql = """
            SELECT \(key) AS group_key,
                count(*) FILTER (WHERE \(filed))::bigint,
                count(*) FILTER (WHERE \(filed) AND voided_at IS NOT NULL)::bigint,
                count(*) FILTER (WHERE \(filed) AND duplicate_at IS NOT NULL)::bigint,
                count(*) FILTER (WHERE \(due))::bigint,
                count(*) FILTER (WHERE \(due) AND first_disposed_at IS NOT NULL)::bigint,
                count(*) FILTER (WHERE \(due) AND first_disposed_at IS NULL)::bigint,
                count(*) FILTER (WHERE \(closed))::bigint,
                count(*) FILTER (WHERE \(closed) AND breached_runs = 0)::bigint,
                count(*) FILTER (WHERE \(becameDue) AND state = 'parked')::bigint,
                count(*) FILTER (WHERE \(closedInPeriod) AND NOT self_disposed)::bigint,
                count(*) FILTER (WHERE \(closedInPeriod) AND self_disposed)::bigint,
                count(*) FILTER (WHERE \(disposedInPeriod))::bigint,
                count(*) FILTER (WHERE \(disposedInPeriod) AND rework_count > 0)::bigint,
                count(*) FILTER (WHERE \(disposedInPeriod) AND late_disposals > 0)::bigint
            FROM case_facts
            WHERE ((\(filed)) OR (\(closedInPeriod)) OR (due_for_closing_at >= $1 AND due_for_closing_at < $2)
                   OR (first_disposed_at >= $1 AND first_disposed_at < $2))
              \(filters)
            GROUP BY 1
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// Deadline cards issued in the period: one row per group, kind and stage.
    static func cardCountsQuery(period: IndicatorPeriod, grouping: IndicatorGrouping, filter: IndicatorFilter) -> PostgresQuery {
        var binds = PostgresBindings()
        binds.append(period.from)
        binds.append(period.to)
        let filters = filterSQL(filter, firstParameter: 3, binds: &binds)
        let key: String
        switch grouping {
        case .department: key = "lead_unit"
        case .district: key = "district"
        case .street: key = "street"
        }
        let sql = """
            SELECT \(key) AS group_key, kind, stage, count(*)::bigint
            FROM event_facts
            WHERE kind IN ('red_card', 'yellow_card') AND at >= $1 AND at < $2
              \(filters)
            GROUP BY 1, 2, 3
            """
        return PostgresQuery(unsafeSQL: sql, binds: binds)
    }

    /// The `AND …` conditions of `filter` (both tables have the same placement and category columns).
    static func filterSQL(_ filter: IndicatorFilter, firstParameter: Int, binds: inout PostgresBindings) -> String {
        var conditions: [String] = []
        var parameter = firstParameter
        func bind(_ value: String) -> String {
            binds.append(value)
            defer { parameter += 1 }
            return "$\(parameter)"
        }
        if let prefixes = filter.placePrefixes {
            binds.append(prefixes.map { $0 + "%" })
            conditions.append("place_code LIKE ANY($\(parameter)::text[])")
            parameter += 1
        }
        if let district = filter.district { conditions.append("district = \(bind(district.digits))") }
        if let street = filter.street { conditions.append("street = \(bind(street.digits))") }
        if let category = filter.category { conditions.append("category LIKE \(bind(category.description + "%"))") }
        return conditions.map { "AND \($0)" }.joined(separator: " ")
    }
}
