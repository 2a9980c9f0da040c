public import GridDomain

extension MessageTemplate {
    /// The columns of `templates.csv`.
    public static let csvColumns = ["template", "title", "body"]

    /// Reads `templates.csv`: columns `template,title,body`; a body may span lines (a quoted CSV field).
    /// Names are 1–64 of `a–z 0–9 - _`; each is defined once. Errors carry the line number.
    /// - Returns: The templates by name.
    public static func templates(csv text: String, file: String) throws(DataFileError) -> [String: MessageTemplate] {
        let table = try CSVTable(text: text, file: file, requiredColumns: csvColumns)
        var templates: [String: MessageTemplate] = [:]
        var lines: [String: Int] = [:]
        for row in table.rows {
            let name = try row.required("template")
            guard isValidName(name) else {
                throw row.error("template name '\(name)' must be 1–64 of a–z, 0–9, '-' and '_'")
            }
            if let first = lines[name] { throw row.error("template \(name) is defined twice (first on line \(first))") }
            lines[name] = row.line
            let titleSource = try row.required("title")
            let bodySource = try row.required("body")
            let title: TemplateText
            let body: TemplateText
            do { title = try TemplateText(titleSource) } catch { throw row.error("title of \(name): \(error.message)") }
            do { body = try TemplateText(bodySource) } catch { throw row.error("body of \(name): \(error.message)") }
            templates[name] = MessageTemplate(name: name, title: title, body: body)
        }
        return templates
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 64
            && name.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F }
    }
}
