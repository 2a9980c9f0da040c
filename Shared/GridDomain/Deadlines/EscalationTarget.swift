/// Where a red card (a breached limit) is escalated for supervision (督办).
public enum EscalationTarget: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The level above the one handling the case (a street's case goes to the district…), resolved
    /// by the SLA monitor from the responsible unit's level.
    case supervisingLevel
    /// A fixed level's command centre, e.g. the district.
    case level(GovernanceLevel)
    /// A named unit, e.g. the city's 督查室.
    case unit(UnitID)

    /// Reads the text form: `supervising`, `level:<grid|community|street|district|city>` or `unit:<unit id>`.
    public init(_ text: String) throws(DeadlineValueError) {
        if text == "supervising" {
            self = .supervisingLevel
        } else if text.hasPrefix("level:") {
            let name = String(text.dropFirst("level:".count))
            guard let level = GovernanceLevel(rawValue: name) else {
                throw DeadlineValueError(
                    "unknown level '\(name)'; use one of \(GovernanceLevel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .level(level)
        } else if text.hasPrefix("unit:"), text.count > "unit:".count {
            self = .unit(UnitID(String(text.dropFirst("unit:".count))))
        } else {
            throw DeadlineValueError("'\(text)' is not an escalation target; use supervising, level:<level> or unit:<unit id>")
        }
    }

    /// `supervising`, `level:district`, `unit:CITY-DUCHA`.
    public var description: String {
        switch self {
        case .supervisingLevel: "supervising"
        case .level(let level): "level:\(level.rawValue)"
        case .unit(let unit): "unit:\(unit)"
        }
    }
}
