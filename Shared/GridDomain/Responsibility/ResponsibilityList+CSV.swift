extension ResponsibilityList {
    /// The columns of a 权责清单 file, one rule per row:
    ///
    /// | column        | content                                                                  |
    /// |---------------|--------------------------------------------------------------------------|
    /// | `rule_id`     | a unique id, e.g. `R0101`                                                |
    /// | `category`    | a 小类 (`E0102`), a 大类 (`E01`) or `*` for every category               |
    /// | `place`       | `*` (or the city's code) for the whole city, or district/street/community/grid codes at one level separated by `\|` |
    /// | `window`      | empty for always, or a `RuleTimeWindow` such as `Mon-Fri 18:00-08:00 \| Sat-Sun` |
    /// | `attributes`  | empty, or `AttributeCondition`s such as `road_class=主干道;channel=12345` |
    /// | `lead`        | the lead unit: a unit id or `@level:kind` (`@street:环卫`)               |
    /// | `co_units`    | co-units, separated by `\|`                                              |
    /// | `tier`        | grid, community, street, district or city (or 网格, 社区, 街道, 区, 市)   |
    /// | `escalation`  | units upward, separated by `>`: `@street:城管执法 > @district:城管执法`   |
    /// | `priority`    | an integer, higher wins among equally specific rules (empty: 0)          |
    /// | `valid_from`  | first day, `YYYY-MM-DD` (empty: no start)                                |
    /// | `valid_to`    | last day, inclusive (empty: no end)                                      |
    /// | `note`        | free text                                                                |
    public static let csvColumns = [
        "rule_id", "category", "place", "window", "attributes", "lead", "co_units", "tier", "escalation",
        "priority", "valid_from", "valid_to", "note",
    ]

    /// Reads a 权责清单 from CSV text (see `csvColumns`), checking every reference against the city's
    /// catalog, places and units. Errors carry the file name and line: unknown unit, category or place,
    /// a bad window, attribute or date, a duplicate id…
    public init(
        csv text: String, file: String = "responsibility-list.csv", version: String,
        catalog: CategoryCatalog, places: PlaceHierarchy, units: UnitRegistry
    ) throws(DataFileError) {
        let table = try CSVTable(
            text: text, file: file, requiredColumns: ["rule_id", "category", "place", "lead", "tier"])
        var rules: [ResponsibilityRule] = []
        var lineByID: [String: Int] = [:]
        for row in table.rows {
            let rule: ResponsibilityRule
            do { rule = try Self.parse(row, places: places) } catch { throw row.error(error.message) }
            if let first = lineByID[rule.id] { throw row.error("rule id \(rule.id) appears twice (first on line \(first))") }
            lineByID[rule.id] = row.line
            if let problem = rule.referenceProblem(catalog: catalog, places: places, units: units) {
                throw row.error("rule \(rule.id): \(problem)")
            }
            rules.append(rule)
        }
        self.init(version: version, rules: rules)
    }

    /// Reads a 权责清单 from a CSV file on disk.
    public init(
        csvPath path: String, version: String, catalog: CategoryCatalog, places: PlaceHierarchy, units: UnitRegistry
    ) throws(DataFileError) {
        try self.init(csv: try DataFileReader.read(path), file: path, version: version, catalog: catalog, places: places, units: units)
    }

    private static func parse(_ row: CSVTable.Row, places: PlaceHierarchy) throws(RuleSyntaxError) -> ResponsibilityRule {
        func required(_ column: String) throws(RuleSyntaxError) -> String {
            guard let value = row[column] else { throw RuleSyntaxError("column '\(column)' is empty") }
            return value
        }
        let id = try required("rule_id")
        let categoryText = try required("category")
        var category: CategoryCode? = nil
        if categoryText != "*" {
            do { category = try CategoryCode(categoryText) } catch { throw RuleSyntaxError(error.description) }
        }
        let placeText = try required("place")
        var scope: [PlaceCode] = []
        if placeText != "*" {
            for item in placeText.split(separator: "|") {
                let text = String(item).trimmingSpaces()
                let code: PlaceCode?
                do { code = try places.code(parsing: text) } catch { throw RuleSyntaxError(error.description) }
                guard let code else { throw RuleSyntaxError("unknown place \(text)") }
                scope.append(code)
            }
            if scope == [places.city.code] { scope = [] }
        }
        let window = try row["window"].map { (text) throws(RuleSyntaxError) in try RuleTimeWindow(parsing: text) }
        let attributes = try row["attributes"].map { (text) throws(RuleSyntaxError) in try AttributeCondition.parseList(text) } ?? []
        let lead = try UnitReference(parsing: try required("lead"))
        let coUnits = try references(row["co_units"], separator: "|")
        let tierText = try required("tier")
        guard let tier = GovernanceLevel(parsing: tierText) else {
            throw RuleSyntaxError("unknown tier '\(tierText)'; use grid, community, street, district or city")
        }
        let escalation = try references(row["escalation"], separator: ">")
        var priority = 0
        if let text = row["priority"] {
            guard let value = Int(text) else { throw RuleSyntaxError("priority must be a whole number, got '\(text)'") }
            priority = value
        }
        let validFrom = try row["valid_from"].map { (text) throws(RuleSyntaxError) in try EffectiveDate(parsing: text) }
        let validThrough = try row["valid_to"].map { (text) throws(RuleSyntaxError) in try EffectiveDate(parsing: text) }
        return ResponsibilityRule(
            id: id, category: category, places: scope, window: window, attributes: attributes, lead: lead,
            coUnits: coUnits, tier: tier, escalation: escalation, priority: priority, validFrom: validFrom,
            validThrough: validThrough, note: row["note"] ?? "", line: row.line)
    }

    private static func references(_ text: String?, separator: Character) throws(RuleSyntaxError) -> [UnitReference] {
        guard let text else { return [] }
        var result: [UnitReference] = []
        for item in text.split(separator: separator) {
            let trimmed = String(item).trimmingSpaces()
            guard !trimmed.isEmpty else { continue }
            result.append(try UnitReference(parsing: trimmed))
        }
        return result
    }
}
