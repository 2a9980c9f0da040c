extension HolidaySchedule {
    /// The columns of a holiday-schedule file.
    public static let csvColumns = ["year", "kind", "first", "last", "name"]

    /// Loads a schedule from CSV text, one row per run of days as in the State Council's notice.
    /// `file` names the source in error messages.
    ///
    /// Columns: `year` (of the notice), `kind` (`holiday` or `workday` for a makeup workday), `first`
    /// and `last` (`YYYY-MM-DD`; `last` may be empty for a single day), `name` (the festival).
    ///
    /// ```
    /// year,kind,first,last,name
    /// 2025,holiday,2025-01-28,2025-02-04,春节
    /// 2025,workday,2025-01-26,,春节调休上班
    /// ```
    public init(csv text: String, file: String) throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: ["year", "kind", "first", "name"])
        var entries: [Entry] = []
        var lineOfDate: [CivilDate: Int] = [:]
        for row in table.rows {
            let yearText = try row.required("year")
            guard yearText.utf8.count == 4, let year = Int(yearText), (1949...2200).contains(year) else {
                throw row.error("year '\(yearText)' is not a four-digit year")
            }
            let kindText = try row.required("kind")
            guard let kind = Entry.Kind(rawValue: kindText) else {
                throw row.error("kind '\(kindText)' is neither 'holiday' nor 'workday'")
            }
            let firstText = try row.required("first")
            guard let first = CivilDate(firstText) else { throw row.error("first '\(firstText)' is not a YYYY-MM-DD date") }
            var last = first
            if let lastText = row["last"] {
                guard let parsed = CivilDate(lastText) else { throw row.error("last '\(lastText)' is not a YYYY-MM-DD date") }
                guard parsed >= first else { throw row.error("last \(parsed) is before first \(first)") }
                last = parsed
            }
            guard last.dayNumber - first.dayNumber < 31 else {
                throw row.error("\(first)…\(last) is longer than a month; check the dates")
            }
            guard abs(first.year - year) <= 1, abs(last.year - year) <= 1 else {
                throw row.error("\(first)…\(last) is too far from the notice's year \(year)")
            }
            let name = try row.required("name")
            let entry = Entry(year: year, kind: kind, first: first, last: last, name: name, source: "\(file):\(row.line)")
            for date in entry.dates {
                if let other = lineOfDate[date] {
                    throw row.error("\(date) is already listed on line \(other)")
                }
                lineOfDate[date] = row.line
            }
            entries.append(entry)
        }
        guard !entries.isEmpty else {
            throw DataFileError(file: file, line: nil, message: "the file lists no holidays; it would cover no year")
        }
        do {
            try self.init(entries: entries)
        } catch {
            throw DataFileError(file: file, line: nil, message: error.message)
        }
    }
}
