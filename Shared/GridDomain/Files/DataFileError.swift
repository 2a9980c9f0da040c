/// An error in a configuration file a city's staff edit (catalog, places, 权责清单, calendar, policy),
/// pointing at the file and line so the row can be found and fixed.
public struct DataFileError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file's name or path as given to the loader.
    public let file: String
    /// The 1-based line number, or `nil` when the error concerns the whole file.
    public let line: Int?
    /// What is wrong, in words a city's staff can act on.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
