import Foundation

/// A 12345/12319 hotline work order (工单), version 1 of the inbound contract on
/// `gridloop.hotline.workorders` (key: the order number; value: this JSON object; `ce_*` headers are
/// accepted but not required). Schema: `docs/contracts/hotline-workorder.v1.schema.json`.
///
/// Decoding is lenient: fields of the wrong type or form decode to `nil` and are remembered in
/// `decodingProblems`, so `validate()` reports every problem of an order at once. Unknown fields are
/// ignored. The order's own history (handling records, reply, extensions and returns, supervision,
/// call-back) is accepted and kept by intake; only the report part maps into a `CaseReport`.
public struct HotlineWorkOrderV1: Sendable, Hashable, Codable {
    /// The schema version this type reads and writes.
    public static let currentSchemaVersion = 1

    /// The hotline that took the call.
    public enum Channel: String, Sendable, Hashable, Codable, CaseIterable {
        /// 12345 government service hotline.
        case hotline12345 = "12345"
        /// 12319 urban-construction hotline.
        case hotline12319 = "12319"

        /// The case channel.
        public var caseChannel: CaseChannel { self == .hotline12345 ? .hotline12345 : .hotline12319 }
    }

    /// The caller's request type (诉求类型).
    public enum RequestType: String, Sendable, Hashable, Codable, CaseIterable {
        /// 咨询.
        case consultation
        /// 求助.
        case assistance
        /// 投诉.
        case complaint
        /// 建议.
        case suggestion

        /// The Chinese name.
        public var chineseName: String {
            switch self {
            case .consultation: "咨询"
            case .assistance: "求助"
            case .complaint: "投诉"
            case .suggestion: "建议"
            }
        }
    }

    /// Must be 1.
    public var schemaVersion: Int?
    /// The hotline's work-order number (工单编号): 1–40 characters from `A–Z a–z 0–9 - _ /`.
    public var orderNumber: String?
    /// `12345` or `12319`.
    public var channel: Channel?
    /// When the hotline took the call or created the order (来电/受理时间).
    public var receivedAt: Date?
    /// The caller, when known (anonymous calls have none).
    public var caller: Caller?
    /// 咨询/求助/投诉/建议.
    public var requestType: RequestType?
    /// A short title (标题), when the hotline gives one (at most 200 characters).
    public var title: String?
    /// What the caller reported (诉求内容); with the title at most 4,000 characters.
    public var content: String?
    /// Where: an address and/or a point and/or a place code.
    public var location: InboundLocationV1?
    /// The category in the city's catalog (`E0102`…), when the hotline has mapped it.
    public var category: CategoryCode?
    /// The urgency; `normal` when absent.
    public var urgency: Urgency?
    /// The lead and co-units the hotline proposes (主办/协办); informational, routing decides.
    public var assignment: Assignment?
    /// The hotline's time limit for the order (办理时限), when given.
    public var timeLimit: TimeLimitV1?
    /// The hotline's due time for the order, when given.
    public var dueAt: Date?
    /// When the order was signed for (签收), for an order sent again after signing.
    public var signedForAt: Date?
    /// The handling record so far (办理记录).
    public var handlingRecords: [HandlingRecord]?
    /// The reply given to the caller (答复), when any.
    public var reply: Reply?
    /// Extensions and returns so far (延期/退回记录).
    public var history: [HistoryEntry]?
    /// Supervision notices (督办).
    public var supervision: [SupervisionEntry]?
    /// The call-back result and satisfaction (回访), when made.
    public var callback: Callback?
    /// Photos or recordings: http(s) URLs (at most 20).
    public var attachments: [String]?
    /// The 16-digit component id, for 部件 problems when known.
    public var componentId: ComponentID?

    /// Problems found while decoding (wrong types, unknown values, malformed codes); `validate()`
    /// reports them with the rest. Empty for orders built in code.
    public private(set) var decodingProblems: [ContractProblem] = []

    /// Creates an order (for producers and tests); `schemaVersion` is the current one.
    public init(
        orderNumber: String?, channel: Channel?, receivedAt: Date?, caller: Caller? = nil, requestType: RequestType?,
        title: String? = nil, content: String?, location: InboundLocationV1?, category: CategoryCode? = nil, urgency: Urgency? = nil,
        assignment: Assignment? = nil, timeLimit: TimeLimitV1? = nil, dueAt: Date? = nil, signedForAt: Date? = nil,
        handlingRecords: [HandlingRecord]? = nil, reply: Reply? = nil, history: [HistoryEntry]? = nil,
        supervision: [SupervisionEntry]? = nil, callback: Callback? = nil, attachments: [String]? = nil,
        componentId: ComponentID? = nil
    ) {
        self.schemaVersion = Self.currentSchemaVersion
        self.orderNumber = orderNumber
        self.channel = channel
        self.receivedAt = receivedAt
        self.caller = caller
        self.requestType = requestType
        self.title = title
        self.content = content
        self.location = location
        self.category = category
        self.urgency = urgency
        self.assignment = assignment
        self.timeLimit = timeLimit
        self.dueAt = dueAt
        self.signedForAt = signedForAt
        self.handlingRecords = handlingRecords
        self.reply = reply
        self.history = history
        self.supervision = supervision
        self.callback = callback
        self.attachments = attachments
        self.componentId = componentId
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion, orderNumber, channel, receivedAt, caller, requestType, title, content, location, category
        case urgency, assignment, timeLimit, dueAt, signedForAt, handlingRecords, reply, history, supervision, callback
        case attachments, componentId
    }

    /// Decodes leniently (see the type's documentation); throws only when the value is not a JSON object.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        var problems: [ContractProblem] = []
        schemaVersion = c.lenient(Int.self, .schemaVersion, &problems)
        orderNumber = c.lenient(String.self, .orderNumber, &problems)
        channel = c.lenientEnum(Channel.self, .channel, &problems)
        receivedAt = c.lenientTimestamp(.receivedAt, &problems)
        caller = c.lenient(Caller.self, .caller, &problems)
        requestType = c.lenientEnum(RequestType.self, .requestType, &problems)
        title = c.lenient(String.self, .title, &problems)
        content = c.lenient(String.self, .content, &problems)
        location = c.lenient(InboundLocationV1.self, .location, &problems)
        category = c.lenient(CategoryCode.self, .category, &problems)
        urgency = c.lenientEnum(Urgency.self, .urgency, &problems)
        assignment = c.lenient(Assignment.self, .assignment, &problems)
        timeLimit = c.lenient(TimeLimitV1.self, .timeLimit, &problems)
        dueAt = c.lenientTimestamp(.dueAt, &problems)
        signedForAt = c.lenientTimestamp(.signedForAt, &problems)
        handlingRecords = c.lenient([HandlingRecord].self, .handlingRecords, &problems)
        reply = c.lenient(Reply.self, .reply, &problems)
        history = c.lenient([HistoryEntry].self, .history, &problems)
        supervision = c.lenient([SupervisionEntry].self, .supervision, &problems)
        callback = c.lenient(Callback.self, .callback, &problems)
        attachments = c.lenient([String].self, .attachments, &problems)
        componentId = c.lenient(ComponentID.self, .componentId, &problems)
        decodingProblems = problems
    }

    /// Decodes an order from a Kafka record value. Throws when the value is not a JSON object (with
    /// one problem naming what is wrong); field problems are left for `validate()`.
    public static func decode(_ value: Data) throws(ContractValidationError) -> HotlineWorkOrderV1 {
        do {
            return try ContractJSON.decoder.decode(HotlineWorkOrderV1.self, from: value)
        } catch {
            throw ContractValidationError(
                subject: "hotline work order", field: "", code: .invalidFormat,
                message: "the value is not a JSON object: \(LifecycleTopicEventV1.describe(error))")
        }
    }
}
