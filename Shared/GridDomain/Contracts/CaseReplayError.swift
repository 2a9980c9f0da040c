/// A lifecycle event that cannot be replayed onto a case replica.
///
/// Compare `code` to tell the kinds apart; new codes may be added without breaking callers.
public struct CaseReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: Sendable, Hashable {
            case gap, wrongCase, notOpening, invalidData, refused, diverged
        }

        private let value: Value

        private init(_ value: Value) { self.value = value }

        /// The event's sequence is beyond the replica's next one: events are missing.
        public static let gap = Code(.gap)
        /// The event is about another case than the replica.
        public static let wrongCase = Code(.wrongCase)
        /// An opening event whose sequence is not 1.
        public static let notOpening = Code(.notOpening)
        /// The event's data cannot be turned into domain values (a bad report, an overflowing amount).
        public static let invalidData = Code(.invalidData)
        /// `CaseLifecycle` refused the step on the replica (the producer's and the replica's cases differ,
        /// or the lifecycle configurations differ).
        public static let refused = Code(.refused)
        /// The step applied, but the resulting states or clock effects differ from the event's.
        public static let diverged = Code(.diverged)

        /// The code's name.
        public var description: String {
            switch value {
            case .gap: "gap"
            case .wrongCase: "wrong case"
            case .notOpening: "not an opening event"
            case .invalidData: "invalid data"
            case .refused: "refused"
            case .diverged: "diverged"
            }
        }
    }

    /// The kind of failure.
    public let code: Code
    /// The case of the event.
    public let caseId: CaseID
    /// The event's sequence.
    public let sequence: Int
    /// What happened.
    public let message: String

    /// Creates an error.
    public init(code: Code, caseId: CaseID, sequence: Int, message: String) {
        self.code = code
        self.caseId = caseId
        self.sequence = sequence
        self.message = message
    }

    /// `cannot replay event 7 of case …: gap: …`.
    public var description: String { "cannot replay event \(sequence) of case \(caseId): \(code): \(message)" }
}
