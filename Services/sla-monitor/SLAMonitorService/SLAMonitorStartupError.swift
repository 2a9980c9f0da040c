/// Why the sla-monitor cannot start: its city data are missing or wrong, or the working calendar does
/// not cover today. The message says which file to fix or which setting to change.
public struct SLAMonitorStartupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem; new codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable { case cityDirectoryMissing, cityData, calendarData, calendarCoverage }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// `GRIDLOOP_CITY_DIR` is not set.
        public static let cityDirectoryMissing = Code(.cityDirectoryMissing)
        /// A city file (places, catalog, units, deadline policy, working hours) cannot be read or is invalid.
        public static let cityData = Code(.cityData)
        /// The holiday schedules or the calendar settings are invalid.
        public static let calendarData = Code(.calendarData)
        /// The working calendar does not cover today.
        public static let calendarCoverage = Code(.calendarCoverage)

        /// A short name of the code.
        public var description: String {
            switch value {
            case .cityDirectoryMissing: "city directory missing"
            case .cityData: "city data"
            case .calendarData: "calendar data"
            case .calendarCoverage: "calendar coverage"
            }
        }
    }

    /// The kind of problem.
    public let code: Code
    /// What is wrong and what to do.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `sla-monitor cannot start (<code>): <message>`.
    public var description: String { "sla-monitor cannot start (\(code)): \(message)" }
}
