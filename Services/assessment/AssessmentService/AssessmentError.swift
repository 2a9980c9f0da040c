/// Why the assessment service cannot start. Extensible: new codes are not a breaking change.
public struct AssessmentError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// `GRIDLOOP_CITY_DIR` is not set.
        public static let cityDirectoryMissing = Code("city directory missing")
        /// A city file could not be loaded.
        public static let cityDataInvalid = Code("city data invalid")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code
    /// What exactly is wrong and what to do.
    public let message: String
    /// Where the error was raised.
    public let file: String
    /// The line it was raised at.
    public let line: Int

    /// Creates an error.
    public init(code: Code, message: String, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.message = message
        self.file = file
        self.line = line
    }

    /// `assessment: <message>`.
    public var description: String { "assessment: \(message)" }
}
