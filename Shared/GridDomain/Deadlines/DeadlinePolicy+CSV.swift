import Foundation

extension DeadlinePolicy {
    /// The columns of a deadline-policy file.
    public static let csvColumns = ["category", "stage", "area_class", "limit", "unit", "yellow_at", "escalate_to"]

    /// Loads a policy from CSV text; `file` names the source in errors, which carry line numbers.
    ///
    /// Columns:
    /// - `category`: `*`, a kind letter (`C`, `E`, `G`), a 大类 (`E01`) or a 小类 (`E0102`);
    /// - `stage`: a `CaseStage` raw value (`sign_for`) or its Chinese name (`签收`);
    /// - `area_class`: an area class (`core`) or `*` for all;
    /// - `limit` and `unit`: e.g. `4` + `working_hours`, `0.5` + `working_hours`, `5` + `working_days`,
    ///   `24` + `natural_hours` (see `TimeLimitUnit`);
    /// - `yellow_at`: the yellow threshold as a fraction (`0.8`) or a percentage (`80%`);
    /// - `escalate_to`: `supervising`, `level:<level>` or `unit:<unit id>`;
    /// - `note` (optional): a remark.
    ///
    /// When `areaClasses` or `categories` are given (from the city's places and catalog), rows naming
    /// others are refused, so a typo cannot silently create a rule that never applies.
    public init(
        csv text: String, file: String, areaClasses: Set<AreaClass>? = nil, categories: Set<CategoryCode>? = nil
    ) throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: Self.csvColumns)
        var rules: [DeadlineRule] = []
        for row in table.rows {
            let categoryText = try row.required("category")
            let category: CategoryScope
            do {
                category = try CategoryScope(categoryText)
            } catch {
                throw row.error("category: \(error.description) (or use * or a kind letter C, E, G)")
            }
            if let categories {
                switch category {
                case .majorClass(let code), .minorClass(let code):
                    guard categories.contains(code) else { throw row.error("category \(code) is not in the catalog") }
                case .all, .kind:
                    break
                }
            }
            let stageText = try row.required("stage")
            guard let stage = CaseStage(rawValue: stageText) ?? CaseStage.allCases.first(where: { $0.chineseName == stageText })
            else {
                throw row.error(
                    "unknown stage '\(stageText)'; use one of \(CaseStage.allCases.map { "\($0.rawValue) (\($0.chineseName))" }.joined(separator: ", "))")
            }
            let areaText = row["area_class"] ?? "*"
            let areaClass: AreaClass? = areaText == "*" ? nil : AreaClass(areaText)
            if let areaClass, let areaClasses, !areaClasses.contains(areaClass) {
                throw row.error(
                    "unknown area class '\(areaClass)'; the city has \(areaClasses.map(\.rawValue).sorted().joined(separator: ", "))")
            }
            let amountText = try row.required("limit")
            let unitText = try row.required("unit")
            let limit: TimeLimit
            do {
                limit = try TimeLimit(amount: amountText, unit: unitText)
            } catch {
                throw row.error("limit: \(error.message)")
            }
            let yellowText = try row.required("yellow_at")
            guard let yellow = Self.fraction(yellowText), yellow > 0, yellow < 1 else {
                throw row.error("yellow_at '\(yellowText)' must be a fraction strictly between 0 and 1 (e.g. 0.8) or a percentage (80%)")
            }
            let escalationText = try row.required("escalate_to")
            let escalation: EscalationTarget
            do {
                escalation = try EscalationTarget(escalationText)
            } catch {
                throw row.error("escalate_to: \(error.message)")
            }
            rules.append(
                DeadlineRule(
                    category: category, stage: stage, areaClass: areaClass, limit: limit, yellowFraction: yellow,
                    escalation: escalation, note: row["note"], line: row.line))
        }
        try self.init(rules: rules, file: file)
    }

    /// Loads a policy file (see `init(csv:file:areaClasses:categories:)`).
    public init(contentsOf url: URL, areaClasses: Set<AreaClass>? = nil, categories: Set<CategoryCode>? = nil)
        throws(DataFileError)
    {
        try self.init(csv: DataFileReader.read(url), file: url.path, areaClasses: areaClasses, categories: categories)
    }

    /// `0.8` → 0.8, `80%` → 0.8; `nil` when malformed.
    private static func fraction(_ text: String) -> Double? {
        if text.hasSuffix("%") {
            return Double(text.dropLast()).map { $0 / 100 }
        }
        return Double(text)
    }
}
