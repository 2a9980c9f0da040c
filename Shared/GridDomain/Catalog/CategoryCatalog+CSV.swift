extension CategoryCatalog {
    /// The columns of a catalog file.
    ///
    /// `code,name,filing_standard,closing_standard,urgency,verify_public_reports`: one row per 大类
    /// (`C01`) and per 小类 (`C0101`). `urgency` is `normal|urgent|emergency` or 一般/紧急/特急 (empty:
    /// normal); `verify_public_reports` is `yes|no` (or 是/否, true/false, 1/0; empty: yes). A 小类
    /// needs both standards; its 大类 must appear in the file (anywhere).
    public static let csvColumns = ["code", "name", "filing_standard", "closing_standard", "urgency", "verify_public_reports"]

    /// Reads a catalog from CSV text; `file` names it in errors, which carry the line number.
    public init(csv text: String, file: String = "catalog.csv") throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: ["code", "name"])
        var definitions: [CategoryDefinition] = []
        var lineByCode: [CategoryCode: Int] = [:]
        for row in table.rows {
            let codeText = try row.required("code")
            let code: CategoryCode
            do { code = try CategoryCode(codeText) } catch { throw row.error(error.description) }
            if let first = lineByCode[code] { throw row.error("category \(code) appears twice (first on line \(first))") }
            lineByCode[code] = row.line
            var urgency = CategoryDefinition.Urgency.normal
            if let text = row["urgency"] {
                guard let parsed = CategoryDefinition.Urgency(parsing: text) else {
                    throw row.error("unknown urgency '\(text)'; use normal, urgent or emergency (一般, 紧急, 特急)")
                }
                urgency = parsed
            }
            var verify = true
            if let text = row["verify_public_reports"] {
                guard let parsed = Self.parseYesNo(text) else {
                    throw row.error("verify_public_reports must be yes or no, got '\(text)'")
                }
                verify = parsed
            }
            let filing = row["filing_standard"] ?? ""
            let closing = row["closing_standard"] ?? ""
            if code.isMinorClass && (filing.isEmpty || closing.isEmpty) {
                throw row.error("小类 \(code) needs both a filing_standard (立案标准) and a closing_standard (结案标准)")
            }
            definitions.append(CategoryDefinition(
                code: code, name: try row.required("name"), filingStandard: filing, closingStandard: closing,
                defaultUrgency: urgency, verifyPublicReports: verify))
        }
        for definition in definitions where definition.code.isMinorClass && lineByCode[definition.code.majorClass] == nil {
            throw DataFileError(
                file: file, line: lineByCode[definition.code],
                message: "小类 \(definition.code) belongs to 大类 \(definition.code.majorClass), which is not in the file")
        }
        do { try self.init(definitions) } catch {
            throw DataFileError(file: file, line: lineByCode[error.code], message: error.description)
        }
    }

    /// Reads a catalog from a CSV file on disk.
    public init(csvPath path: String) throws(DataFileError) {
        try self.init(csv: try DataFileReader.read(path), file: path)
    }

    static func parseYesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "yes", "y", "true", "1", "是": true
        case "no", "n", "false", "0", "否": false
        default: nil
        }
    }
}
