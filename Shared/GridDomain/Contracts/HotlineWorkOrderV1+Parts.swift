extension HotlineWorkOrderV1 {
    /// The caller (来电人). Personal data: intake stores it in clear in its own tables only.
    public struct Caller: Sendable, Hashable, Codable {
        /// The caller's name, when given (at most 50 characters).
        public var name: String?
        /// A phone number to call back: a mainland mobile (`13812345678`, `+86 138 1234 5678`), a
        /// landline with area code (`0571-87654321`) or a local landline (`87654321`).
        public var phone: String?
        /// The caller asked for confidentiality (保密): units and public views never see name or phone.
        public var confidential: Bool?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates a caller.
        public init(name: String? = nil, phone: String? = nil, confidential: Bool? = nil) {
            self.name = name
            self.phone = phone
            self.confidential = confidential
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case name, phone, confidential }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            name = c.lenient(String.self, .name, &problems)
            phone = c.lenient(String.self, .phone, &problems)
            confidential = c.lenient(Bool.self, .confidential, &problems)
            decodingProblems = problems
        }
    }

    /// The lead and co-units the hotline proposes (主办/协办), by GridLoop unit id.
    public struct Assignment: Sendable, Hashable, Codable {
        /// The proposed lead unit.
        public var lead: UnitID?
        /// Proposed co-units, distinct and without the lead.
        public var coUnits: [UnitID]?
        /// Problems found while decoding.
        public private(set) var decodingProblems: [ContractProblem] = []

        /// Creates an assignment.
        public init(lead: UnitID? = nil, coUnits: [UnitID]? = nil) {
            self.lead = lead
            self.coUnits = coUnits
        }

        enum CodingKeys: String, CodingKey, CaseIterable { case lead, coUnits }

        /// Decodes leniently.
        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            var problems: [ContractProblem] = []
            lead = c.lenient(UnitID.self, .lead, &problems)
            coUnits = c.lenient([UnitID].self, .coUnits, &problems)
            decodingProblems = problems
        }
    }
}
