import GridDomain

/// Why the notification service cannot start. Extensible: new codes are not a breaking change.
public struct NotificationStartupError: Error, Sendable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// `GRIDLOOP_CITY_DIR` is not set.
        public static let cityDirectoryMissing = Code("city directory missing")
        /// A city or notification file is missing or wrong.
        public static let cityFile = Code("bad city file")

        /// The code's name.
        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code
    /// What is wrong, naming the file and line when there is one.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    static func cityDirectoryMissing() -> Self {
        Self(code: .cityDirectoryMissing, message: "GRIDLOOP_CITY_DIR is not set; the notification service loads the city's units and notification rules")
    }

    static func cityFile(_ error: DataFileError) -> Self {
        Self(code: .cityFile, message: "cannot load the city: \(error.description)")
    }

    /// `<code>: <message>`.
    public var description: String { "\(code): \(message)" }
}
