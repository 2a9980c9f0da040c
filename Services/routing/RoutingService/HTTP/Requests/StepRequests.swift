import Foundation
import GridDomain
import GridRuntime

/// `POST /v1/tasks/{caseId}/extension-request`: 延期申请.
struct ExtensionRequestBody: Decodable {
    /// The amount of time asked for (≥ 1).
    let amount: Int?
    /// Its unit: `working_minutes`, `working_hours`, `working_days`, `natural_minutes`, `natural_hours`, `natural_days`.
    let unit: String?
    /// Why (no personal data).
    let reason: String?

    func validated() throws(APIError) -> (limit: TimeLimit, reason: String) {
        var problems = RequestProblems()
        let limit = TimeLimitInput(amount: amount, unit: unit).validated(required: true, into: &problems)
        let reason = problems.requireText(reason, field: "reason", maximum: ReasonRequest.maximumLength)
        try problems.check("the extension request")
        guard let limit, let reason else { throw .unprocessable("the extension request is invalid") }
        return (limit, reason)
    }
}

/// `POST /v1/cases/{caseId}/extension/approve`: 延期批准, optionally with another amount.
struct ExtensionApprovalBody: Decodable {
    /// The amount granted; absent: as requested.
    let amount: Int?
    /// Its unit (the request's measure: working or natural time).
    let unit: String?

    func validated() throws(APIError) -> TimeLimit? {
        guard amount != nil || unit != nil else { return nil }
        var problems = RequestProblems()
        let limit = TimeLimitInput(amount: amount, unit: unit).validated(required: true, into: &problems)
        try problems.check("the approval")
        return limit
    }
}

/// A time limit given as `amount` and `unit`.
struct TimeLimitInput {
    let amount: Int?
    let unit: String?

    func validated(required: Bool, into problems: inout RequestProblems) -> TimeLimit? {
        var parsedUnit: TimeLimitUnit?
        if let unit {
            parsedUnit = TimeLimitUnit(rawValue: unit)
            if parsedUnit == nil {
                problems.add("unit", "'\(unit.prefix(40))' is not one of \(TimeLimitUnit.allCases.map(\.rawValue).joined(separator: ", "))")
            }
        } else if required {
            problems.add("unit", "required")
        }
        if let amount {
            if !(1...100_000).contains(amount) { problems.add("amount", "must be 1…100000 (got \(amount))") }
        } else if required {
            problems.add("amount", "required")
        }
        guard let amount, let parsedUnit, (1...100_000).contains(amount) else { return nil }
        return try? TimeLimitV1(amount: amount, unit: parsedUnit).timeLimit()
    }
}

/// `POST /v1/cases/{caseId}/escalate`: 上报上级.
struct EscalationBody: Decodable {
    /// The level to hand the case to: `community`, `street`, `district` or `city`.
    let level: String?
    /// Why.
    let reason: String?

    func validated() throws(APIError) -> (level: GovernanceLevel, reason: String) {
        var problems = RequestProblems()
        var level: GovernanceLevel?
        if let text = self.level {
            level = GovernanceLevel(rawValue: text)
            if level == nil || level == .grid {
                problems.add("level", "'\(text.prefix(40))' is not one of community, street, district, city")
            }
        } else {
            problems.add("level", "required")
        }
        let reason = problems.requireText(reason, field: "reason", maximum: ReasonRequest.maximumLength)
        try problems.check("the escalation")
        guard let level, let reason else { throw .unprocessable("the escalation is invalid") }
        return (level, reason)
    }
}

/// `POST /v1/cases/{caseId}/whistle`: 吹哨, summoning departments.
struct WhistleBody: Decodable {
    /// The departments summoned (unit ids of the city), at least one, none twice.
    let units: [String]?
    /// Why.
    let reason: String?

    func validated(units registry: UnitRegistry) throws(APIError) -> (units: [UnitID], reason: String) {
        var problems = RequestProblems()
        var summoned: [UnitID] = []
        let given = units ?? []
        if given.isEmpty { problems.add("units", "name at least one department") }
        for (index, text) in given.enumerated() {
            let unit = UnitID(text)
            if !registry.contains(unit) {
                problems.add("units[\(index)]", "unknown unit '\(text.prefix(100))'")
            } else if summoned.contains(unit) {
                problems.add("units[\(index)]", "\(text) is named twice")
            } else {
                summoned.append(unit)
            }
        }
        let reason = problems.requireText(reason, field: "reason", maximum: ReasonRequest.maximumLength)
        try problems.check("the summons")
        return (summoned, reason ?? "")
    }
}

/// `POST /v1/cases/{caseId}/duplicate`: 重复件 (a filed case repeating an open one).
struct DuplicateBody: Decodable {
    /// The open case this one repeats.
    let duplicateOf: String?

    func validated() throws(APIError) -> CaseID {
        var problems = RequestProblems()
        var original: CaseID?
        if let text = duplicateOf {
            original = CaseID(text)
            if original == nil { problems.add("duplicateOf", "'\(text.prefix(60))' is not a case id (UUID)") }
        } else {
            problems.add("duplicateOf", "required")
        }
        try problems.check("the duplicate marking")
        return original ?? CaseID()
    }
}
