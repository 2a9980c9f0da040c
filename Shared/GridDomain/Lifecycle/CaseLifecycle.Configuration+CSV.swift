import Foundation

extension CaseLifecycle.Configuration {
    /// The columns of a lifecycle settings file.
    public static let csvColumns = ["setting", "value"]

    /// Loads the city's lifecycle choices from CSV text (`lifecycle.csv` in the city directory).
    /// Every service of a city must use the same configuration: replicas replay each other's steps.
    ///
    /// One row per setting; a setting left out keeps its documented default. Channel lists are
    /// `;`-separated channel codes (`supervisor`, `grid_worker`, `citizen_app`, `12345`, `12319`,
    /// `open311`, `sensing`, `referral`); an empty value means no channel. `channels_requiring_callback`
    /// applies only to cases whose reporter left a phone number: an anonymous case cannot be called
    /// back and closes without a call-back.
    ///
    /// ```
    /// setting,value,note
    /// channels_requiring_verification,citizen_app;open311;sensing,市民与感知上报须核实
    /// channels_requiring_callback,12345;12319,热线案件结案前回访
    /// maximum_extensions,2,每案最多延期两次
    /// ```
    public init(csv text: String, file: String) throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: Self.csvColumns)
        var configuration = CaseLifecycle.Configuration()
        var seen: Set<String> = []
        for row in table.rows {
            let setting = try row.required("setting")
            guard seen.insert(setting).inserted else { throw row.error("setting '\(setting)' appears twice") }
            let value = row["value"] ?? ""
            switch setting {
            case "channels_requiring_verification":
                configuration.channelsRequiringVerification = try Self.channels(value, row: row)
            case "channels_requiring_callback":
                configuration.channelsRequiringCallback = try Self.channels(value, row: row)
            case "maximum_extensions":
                if value.isEmpty {
                    configuration.maximumExtensions = nil
                } else if let count = Int(value), count >= 0 {
                    configuration.maximumExtensions = count
                } else {
                    throw row.error("maximum_extensions must be a whole number ≥ 0 or empty (no cap), got '\(value)'")
                }
            default:
                throw row.error(
                    "unknown setting '\(setting)'; known: channels_requiring_verification, channels_requiring_callback, maximum_extensions")
            }
        }
        self = configuration
    }

    /// Loads `lifecycle.csv` from a city directory; a missing file means the documented defaults.
    public init(cityDirectory: URL) throws(DataFileError) {
        let url = cityDirectory.appendingPathComponent("lifecycle.csv")
        guard FileManager.default.fileExists(atPath: url.path) else {
            self.init()
            return
        }
        try self.init(csv: DataFileReader.read(url), file: url.path)
    }

    private static func channels(_ value: String, row: CSVTable.Row) throws(DataFileError) -> Set<CaseChannel> {
        var channels: Set<CaseChannel> = []
        for code in value.split(separator: ";").map({ String($0).trimmingSpaces() }) where !code.isEmpty {
            guard let channel = CaseChannel(rawValue: code) else {
                let known = CaseChannel.allCases.map(\.rawValue).joined(separator: ", ")
                throw row.error("unknown channel '\(code)'; known: \(known)")
            }
            channels.insert(channel)
        }
        return channels
    }
}
