extension WorkingHours {
    /// The columns of a working-hours file.
    public static let csvColumns = ["start", "end", "season_from", "season_to"]

    /// Loads working hours from CSV text. `file` names the source in error messages.
    ///
    /// One row per working period: `start,end` as `HH:MM` (24-hour; `24:00` allowed as an end), and
    /// optionally `season_from,season_to` as `MM-DD` for a period that applies only in that season.
    /// Rows without a season make up the standard hours. A `note` column may explain the row.
    ///
    /// ```
    /// start,end,season_from,season_to,note
    /// 08:30,12:00,,,上午
    /// 13:30,17:30,,,下午
    /// 14:00,18:00,06-01,09-30,夏季下午
    /// ```
    public init(csv text: String, file: String) throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: ["start", "end"])
        var standard: [(Interval, Int)] = []
        var seasons: [String: (from: MonthDay, to: MonthDay, rows: [(Interval, Int)])] = [:]
        var seasonOrder: [String] = []
        for row in table.rows {
            let startText = try row.required("start")
            let endText = try row.required("end")
            guard let start = TimeOfDay(startText) else { throw row.error("start '\(startText)' is not an HH:MM time") }
            guard let end = TimeOfDay(endText) else { throw row.error("end '\(endText)' is not an HH:MM time") }
            guard let interval = Interval(start: start, end: end) else {
                throw row.error("the period \(start)–\(end) must end after it starts")
            }
            switch (row["season_from"], row["season_to"]) {
            case (nil, nil):
                standard.append((interval, row.line))
            case (let fromText?, let toText?):
                guard let from = MonthDay(fromText) else { throw row.error("season_from '\(fromText)' is not an MM-DD date") }
                guard let to = MonthDay(toText) else { throw row.error("season_to '\(toText)' is not an MM-DD date") }
                let key = "\(from)…\(to)"
                if seasons[key] == nil { seasonOrder.append(key) }
                seasons[key, default: (from, to, [])].rows.append((interval, row.line))
            default:
                throw row.error("give both season_from and season_to, or neither")
            }
        }
        try Self.checkOverlaps(standard, file: file, context: "standard hours")
        for key in seasonOrder {
            try Self.checkOverlaps(seasons[key]!.rows, file: file, context: "season \(key)")
        }
        if standard.isEmpty {
            throw DataFileError(file: file, line: nil, message: "no standard working period (a row without a season) is given")
        }
        do {
            let builtSeasons = try seasonOrder.map { key throws(CalendarError) in
                let season = seasons[key]!
                return try Season(from: season.from, to: season.to, intervals: season.rows.map(\.0))
            }
            try self.init(standard: standard.map(\.0), seasons: builtSeasons)
        } catch {
            throw DataFileError(file: file, line: nil, message: error.message)
        }
    }

    private static func checkOverlaps(_ rows: [(Interval, Int)], file: String, context: String) throws(DataFileError) {
        let sorted = rows.sorted { $0.0 < $1.0 }
        for (a, b) in zip(sorted, sorted.dropFirst()) where b.0.start < a.0.end {
            throw DataFileError(
                file: file, line: max(a.1, b.1),
                message: "in \(context), \(b.0) overlaps \(a.0) (line \(min(a.1, b.1)))")
        }
    }
}
