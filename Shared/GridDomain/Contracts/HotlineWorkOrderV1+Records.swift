import Foundation

extension HotlineWorkOrderV1 {
    /// One entry of the order's handling record (办理记录).
    public struct HandlingRecord: Sendable, Hashable, Codable {
        /// When.
        public var at: Date?
        /// The unit that acted, when known.
        public var unit: UnitID?
        /// What was done, as the hotline words it (e.g. `签收`, `办理中`, `办结`).
        public var action: String?
        /// A note.
        public var note: String?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates a record.
        public init(at: Date?, unit: UnitID? = nil, action: String?, note: String? = nil) {
            self.at = at
            self.unit = unit
            self.action = action
            self.note = note
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case at, unit, action, note }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            at = c.lenientTimestamp(.at, &problems)
            unit = c.lenient(UnitID.self, .unit, &problems)
            action = c.lenient(String.self, .action, &problems)
            note = c.lenient(String.self, .note, &problems)
            decodingProblems = problems
        }
    }

    /// The reply given to the caller (答复).
    public struct Reply: Sendable, Hashable, Codable {
        /// When.
        public var at: Date?
        /// The unit that replied, when known.
        public var unit: UnitID?
        /// The reply text.
        public var content: String?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates a reply.
        public init(at: Date?, unit: UnitID? = nil, content: String?) {
            self.at = at
            self.unit = unit
            self.content = content
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case at, unit, content }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            at = c.lenientTimestamp(.at, &problems)
            unit = c.lenient(UnitID.self, .unit, &problems)
            content = c.lenient(String.self, .content, &problems)
            decodingProblems = problems
        }
    }

    /// An extension or a return in the order's history (延期/退回).
    public struct HistoryEntry: Sendable, Hashable, Codable {
        /// Extension or return.
        public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
            /// 延期.
            case `extension`
            /// 退回.
            case `return`
        }

        /// Extension or return.
        public var kind: Kind?
        /// When.
        public var at: Date?
        /// The unit that asked, when known.
        public var unit: UnitID?
        /// Why.
        public var reason: String?
        /// For extensions: the time granted, when approved.
        public var granted: TimeLimitV1?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates an entry.
        public init(kind: Kind?, at: Date?, unit: UnitID? = nil, reason: String? = nil, granted: TimeLimitV1? = nil) {
            self.kind = kind
            self.at = at
            self.unit = unit
            self.reason = reason
            self.granted = granted
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case kind, at, unit, reason, granted }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            kind = c.lenientEnum(Kind.self, .kind, &problems)
            at = c.lenientTimestamp(.at, &problems)
            unit = c.lenient(UnitID.self, .unit, &problems)
            reason = c.lenient(String.self, .reason, &problems)
            granted = c.lenient(TimeLimitV1.self, .granted, &problems)
            decodingProblems = problems
        }
    }

    /// A supervision notice on the order (督办).
    public struct SupervisionEntry: Sendable, Hashable, Codable {
        /// When.
        public var at: Date?
        /// The level that supervises, when known.
        public var level: GovernanceLevel?
        /// The notice.
        public var note: String?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates a notice.
        public init(at: Date?, level: GovernanceLevel? = nil, note: String?) {
            self.at = at
            self.level = level
            self.note = note
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case at, level, note }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            at = c.lenientTimestamp(.at, &problems)
            level = c.lenientEnum(GovernanceLevel.self, .level, &problems)
            note = c.lenient(String.self, .note, &problems)
            decodingProblems = problems
        }
    }

    /// The call-back to the caller (回访) and the caller's satisfaction.
    public struct Callback: Sendable, Hashable, Codable {
        /// When.
        public var at: Date?
        /// True when the caller was reached.
        public var reached: Bool?
        /// The caller's rating, when reached and given.
        public var satisfaction: Satisfaction?
        /// The agent's note.
        public var note: String?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates a call-back result.
        public init(at: Date?, reached: Bool?, satisfaction: Satisfaction? = nil, note: String? = nil) {
            self.at = at
            self.reached = reached
            self.satisfaction = satisfaction
            self.note = note
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case at, reached, satisfaction, note }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            at = c.lenientTimestamp(.at, &problems)
            reached = c.lenient(Bool.self, .reached, &problems)
            satisfaction = c.lenientEnum(Satisfaction.self, .satisfaction, &problems)
            note = c.lenient(String.self, .note, &problems)
            decodingProblems = problems
        }
    }
}
