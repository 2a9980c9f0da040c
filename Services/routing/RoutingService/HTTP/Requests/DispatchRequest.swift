import GridDomain
import GridRuntime

/// `POST /v1/dispatch-queue/{caseId}/dispatch`: a dispatcher's choice of units.
struct DispatchRequest: Decodable {
    /// The lead unit (主办).
    let lead: String?
    /// Co-units (协办), none twice, not the lead.
    let coUnits: [String]?

    /// The checked units (all known to the city), or a 422 naming every problem.
    func validated(units: UnitRegistry) throws(APIError) -> (lead: UnitID, coUnits: [UnitID]) {
        var problems = RequestProblems()
        var lead: UnitID?
        if let text = problems.requireText(self.lead, field: "lead", maximum: 100) {
            if units.contains(UnitID(text)) { lead = UnitID(text) } else { problems.add("lead", "unknown unit '\(text)'") }
        }
        var coUnits: [UnitID] = []
        for (index, text) in (self.coUnits ?? []).enumerated() {
            let unit = UnitID(text)
            if !units.contains(unit) {
                problems.add("coUnits[\(index)]", "unknown unit '\(text.prefix(100))'")
            } else if unit == lead {
                problems.add("coUnits[\(index)]", "\(text) is the lead unit")
            } else if coUnits.contains(unit) {
                problems.add("coUnits[\(index)]", "\(text) is named twice")
            } else {
                coUnits.append(unit)
            }
        }
        try problems.check("the dispatch")
        return (lead ?? UnitID(""), coUnits)
    }
}
