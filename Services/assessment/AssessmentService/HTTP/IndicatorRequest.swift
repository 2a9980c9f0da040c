import Foundation
import GridDomain
import GridRuntime
import Hummingbird

/// The validated query of `GET /v1/indicators`.
struct IndicatorRequest: Sendable, Hashable {
    /// The period.
    var period: IndicatorPeriod
    /// The grouping.
    var grouping: IndicatorGrouping
    /// The district filter.
    var district: PlaceCode?
    /// The street filter.
    var street: PlaceCode?
    /// The category filter.
    var category: CategoryCode?

    /// Parses and checks every parameter against the city; all problems are reported at once.
    /// - Throws: `APIError` 400 (`invalid_query`) listing malformed or missing parameters, or 422
    ///   (`unknown_code`) when well-formed codes are not the city's.
    init(parameters: [(name: String, value: String)], city: AssessmentCity) throws(APIError) {
        var problems: [String] = []
        var unknown: [String] = []
        var query: [String: String] = [:]
        for (name, value) in parameters {
            if query.updateValue(value, forKey: name) != nil { problems.append("\(name) is given more than once") }
        }

        func timestamp(_ name: String) -> Date? {
            guard let text = query[name], !text.isEmpty else {
                problems.append("\(name) is required (an RFC 3339 timestamp with a time zone, e.g. 2025-03-01T00:00:00+08:00)")
                return nil
            }
            guard let date = ContractJSON.parseTimestamp(text) else {
                // A '+' sent unencoded arrives as a space.
                let hint = text.contains(" ") ? "; send '+' as %2B" : ""
                problems.append(
                    "\(name) '\(text)' is not an RFC 3339 timestamp with a time zone (e.g. 2025-03-01T00:00:00+08:00)\(hint)")
                return nil
            }
            return date
        }
        let from = timestamp("from")
        let to = timestamp("to")
        var period: IndicatorPeriod?
        if let from, let to {
            period = IndicatorPeriod(from: from, to: to)
            if period == nil { problems.append("from must be before to") }
        }

        let allowed = IndicatorGrouping.allCases.map(\.rawValue).joined(separator: ", ")
        var grouping: IndicatorGrouping?
        if let text = query["groupBy"], !text.isEmpty {
            grouping = IndicatorGrouping(rawValue: text)
            if grouping == nil { problems.append("groupBy '\(text)' is not one of \(allowed)") }
        } else {
            problems.append("groupBy is required (one of \(allowed))")
        }

        func place(_ name: String, level: GovernanceLevel, digits: Int) -> PlaceCode? {
            guard let text = query[name], !text.isEmpty else { return nil }
            guard let code = try? PlaceCode(text, level: level) else {
                problems.append("\(name) '\(text)' is not a \(digits)-digit \(level.rawValue) code")
                return nil
            }
            if !city.places.contains(code) { unknown.append("\(name) \(text) is not a \(level.rawValue) of this city") }
            return code
        }
        let district = place("district", level: .district, digits: 6)
        let street = place("street", level: .street, digits: 9)
        if let district, let street, street.ancestor(at: .district) != district {
            problems.append("street \(street.digits) does not lie in district \(district.digits)")
        }

        var category: CategoryCode?
        if let text = query["category"], !text.isEmpty {
            do {
                let code = try CategoryCode(text)
                category = code
                if !city.catalog.contains(code) { unknown.append("category \(text) is not in this city's catalog") }
            } catch {
                problems.append("category '\(text)': \(error)")
            }
        }

        let known: Set<String> = ["from", "to", "groupBy", "district", "street", "category"]
        for name in query.keys.sorted() where !known.contains(name) {
            problems.append("unknown parameter '\(name)' (allowed: from, to, groupBy, district, street, category)")
        }

        guard problems.isEmpty, let period, let grouping else {
            throw .badRequest("invalid query: " + (problems + unknown).joined(separator: "; "), code: "invalid_query")
        }
        guard unknown.isEmpty else {
            throw .unprocessable(unknown.joined(separator: "; "), code: "unknown_code")
        }
        self.period = period
        self.grouping = grouping
        self.district = district
        self.street = street
        self.category = category
    }
}
