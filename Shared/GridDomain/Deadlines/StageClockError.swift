/// A `StageClock` operation that does not fit the clock's state (pausing a paused clock, going back
/// in time, changing a stopped clock) or that the calendar cannot compute.
public struct StageClockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of error; new codes may be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable { case alreadyPaused, notPaused, stopped, outOfOrder, measureMismatch, calendar }
        private let value: Value
        private init(_ value: Value) { self.value = value }

        /// The clock is already paused.
        public static let alreadyPaused = Code(.alreadyPaused)
        /// The clock is not paused, so it cannot resume.
        public static let notPaused = Code(.notPaused)
        /// The clock was stopped; it no longer changes.
        public static let stopped = Code(.stopped)
        /// The operation is dated before the clock's last change.
        public static let outOfOrder = Code(.outOfOrder)
        /// An extension on the other clock (working vs natural time).
        public static let measureMismatch = Code(.measureMismatch)
        /// The working calendar could not compute the change (see `calendarError`).
        public static let calendar = Code(.calendar)

        /// A short name of the code.
        public var description: String {
            switch value {
            case .alreadyPaused: "already paused"
            case .notPaused: "not paused"
            case .stopped: "stopped"
            case .outOfOrder: "out of order"
            case .measureMismatch: "measure mismatch"
            case .calendar: "calendar"
            }
        }
    }

    /// The kind of error.
    public let code: Code
    /// What is wrong.
    public let message: String
    /// The calendar's error, for `.calendar`.
    public let calendarError: CalendarError?

    /// Creates an error.
    public init(code: Code, message: String, calendarError: CalendarError? = nil) {
        self.code = code
        self.message = message
        self.calendarError = calendarError
    }

    /// `<code>: <message>`.
    public var description: String { "\(code): \(message)" }
}
