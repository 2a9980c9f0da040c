import Foundation

extension HolidaySchedule {
    /// Loads one schedule file (see `init(csv:file:)`).
    public init(contentsOf url: URL) throws(DataFileError) {
        try self.init(csv: DataFileReader.read(url), file: url.path)
    }

    /// Loads and merges every `*.csv` file in a directory, e.g. `deploy/calendar/` with one file per
    /// year. Throws when the directory holds none, or two files give the same year.
    public init(directory: URL) throws(DataFileError) {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        } catch {
            throw DataFileError(file: directory.path, line: nil, message: "cannot list the directory (\(error.localizedDescription))")
        }
        let files = names.filter { $0.hasSuffix(".csv") }.sorted()
        guard !files.isEmpty else {
            throw DataFileError(file: directory.path, line: nil, message: "no holiday schedule (*.csv) in the directory")
        }
        let schedules = try files.map { name throws(DataFileError) in
            try HolidaySchedule(contentsOf: directory.appendingPathComponent(name))
        }
        do {
            try self.init(merging: schedules)
        } catch {
            throw DataFileError(file: directory.path, line: nil, message: error.message)
        }
    }
}

extension WorkingHours {
    /// Loads a working-hours file (see `init(csv:file:)`).
    public init(contentsOf url: URL) throws(DataFileError) {
        try self.init(csv: DataFileReader.read(url), file: url.path)
    }
}
