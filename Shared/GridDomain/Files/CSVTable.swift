/// A CSV file read into rows of named fields, keeping line numbers for error messages.
///
/// Reads RFC 4180 CSV as a city's staff produce it from a spreadsheet: a header row, comma separators,
/// double-quoted fields with `""` escapes and embedded newlines, CRLF or LF line ends, an optional UTF-8
/// byte-order mark, blank lines skipped, and lines starting with `#` treated as comments.
public struct CSVTable: Sendable {
    /// One data row.
    public struct Row: Sendable {
        /// The 1-based line in the file where the row starts.
        public let line: Int
        /// The file name used in error messages.
        public let file: String
        let fields: [String]
        let index: [String: Int]

        /// The trimmed value of `column`, or `nil` when it is empty or the column is absent.
        public subscript(column: String) -> String? {
            guard let i = index[column], i < fields.count else { return nil }
            let value = fields[i].trimmingSpaces()
            return value.isEmpty ? nil : value
        }

        /// The trimmed value of `column`; throws a line-numbered error when it is empty or missing.
        public func required(_ column: String) throws(DataFileError) -> String {
            guard let value = self[column] else {
                throw DataFileError(file: file, line: line, message: "column '\(column)' is empty")
            }
            return value
        }

        /// A line-numbered error about this row.
        public func error(_ message: String) -> DataFileError {
            DataFileError(file: file, line: line, message: message)
        }
    }

    /// The header names, trimmed.
    public let columns: [String]
    /// The data rows, in file order.
    public let rows: [Row]

    /// Parses `text`. `file` names the source in error messages; `requiredColumns` must all appear in
    /// the header.
    public init(text: String, file: String, requiredColumns: [String] = []) throws(DataFileError) {
        var records: [(line: Int, fields: [String])] = []
        var field = ""
        var fields: [String] = []
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var atFieldStart = true
        var iterator = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = nil

        func endRecord() {
            fields.append(field)
            let isBlank = fields.count == 1 && fields[0].trimmingSpaces().isEmpty
            let isComment = fields.first?.hasPrefix("#") ?? false
            if !isBlank && !isComment { records.append((recordLine, fields)) }
            fields = []
            field = ""
            atFieldStart = true
        }

        while let scalar = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if scalar == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.unicodeScalars.append("\"") } else { inQuotes = false; pending = next }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\u{FEFF}" where records.isEmpty && fields.isEmpty && field.isEmpty:
                continue
            case "\"" where atFieldStart:
                inQuotes = true
                atFieldStart = false
            case ",":
                fields.append(field)
                field = ""
                atFieldStart = true
            case "\r":
                continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.unicodeScalars.append(scalar)
                if scalar != " " { atFieldStart = false }
            }
        }
        if inQuotes {
            throw DataFileError(file: file, line: recordLine, message: "a quoted field is not closed")
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }

        guard let header = records.first else {
            throw DataFileError(file: file, line: 1, message: "the file is empty (a header row is expected)")
        }
        let columns = header.fields.map { $0.trimmingSpaces() }
        var index: [String: Int] = [:]
        for (i, name) in columns.enumerated() {
            if index[name] != nil {
                throw DataFileError(file: file, line: header.line, message: "column '\(name)' appears twice in the header")
            }
            index[name] = i
        }
        let missing = requiredColumns.filter { index[$0] == nil }
        if !missing.isEmpty {
            throw DataFileError(
                file: file, line: header.line,
                message: "missing column(s) \(missing.joined(separator: ", ")); the header has \(columns.joined(separator: ", "))")
        }
        var rows: [Row] = []
        rows.reserveCapacity(records.count - 1)
        for record in records.dropFirst() {
            if record.fields.count > columns.count,
               record.fields[columns.count...].contains(where: { !$0.trimmingSpaces().isEmpty }) {
                throw DataFileError(
                    file: file, line: record.line,
                    message: "\(record.fields.count) fields but the header has \(columns.count) columns")
            }
            rows.append(Row(line: record.line, file: file, fields: record.fields, index: index))
        }
        self.columns = columns
        self.rows = rows
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\t" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\t" { scalars.removeLast() }
        return String(scalars)
    }
}
