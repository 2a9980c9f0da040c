import Foundation

extension HotlineWorkOrderV1 {
    /// Longest title, in characters.
    public static let maximumTitleLength = 200
    /// Longest caller name, in characters.
    public static let maximumNameLength = 50
    /// Most attachments.
    public static let maximumAttachments = 20

    /// `hotline work order GD-12345-20250312-0042`, for errors and logs.
    public var subject: String {
        guard let orderNumber, !orderNumber.isEmpty else { return "hotline work order (no order number)" }
        return "hotline work order \(orderNumber.count > 60 ? String(orderNumber.prefix(60)) + "…" : orderNumber)"
    }

    /// Checks the order and throws one error listing every problem; returns when the order can be
    /// turned into a case report.
    public func validate() throws(ContractValidationError) {
        let found = problems()
        if !found.isEmpty { throw ContractValidationError(subject: subject, problems: found) }
    }

    /// Every problem of the order, in the order of the contract's fields; empty when it is valid.
    public func problems() -> [ContractProblem] {
        var check = ProblemList(decoded: allDecodingProblems)
        if schemaVersion == nil {
            check.missing("schemaVersion")
        } else if schemaVersion != Self.currentSchemaVersion {
            check.add(
                "schemaVersion", .unsupportedVersion,
                "version \(schemaVersion!) is not supported; this reader reads version \(Self.currentSchemaVersion)")
        }
        if let orderNumber {
            do { _ = try CaseNumber(orderNumber) } catch { check.add("orderNumber", .invalidFormat, error.reason) }
        } else {
            check.missing("orderNumber")
        }
        if channel == nil { check.missing("channel") }
        if receivedAt == nil { check.missing("receivedAt") }
        checkCaller(&check)
        if requestType == nil { check.missing("requestType") }
        checkText(&check)
        checkLocation(&check)
        if let componentId {
            do { try CaseReport.check(componentId, against: category) } catch {
                check.add("componentId", .inconsistent, error.reason)
            }
        }
        if let assignment { Self.checkAssignment(assignment, &check) }
        if let timeLimit { Self.checkLimit(timeLimit, "timeLimit", &check) }
        checkRecords(&check)
        checkAttachments(&check)
        return check.sorted(byFieldOrder: CodingKeys.allCases.map(\.stringValue))
    }

    private func checkCaller(_ check: inout ProblemList) {
        guard let caller else { return }
        if let name = caller.name, name.count > Self.maximumNameLength {
            check.add("caller.name", .tooLong, "longer than \(Self.maximumNameLength) characters")
        }
        if let phone = caller.phone, !PhoneNumberFormat.isValid(phone) {
            check.add(
                "caller.phone", .invalidFormat,
                "'\(Masking.phone(phone))' is not a mainland mobile, a landline with area code or a local landline number")
        }
    }

    private func checkText(_ check: inout ProblemList) {
        if let title, title.count > Self.maximumTitleLength {
            check.add("title", .tooLong, "longer than \(Self.maximumTitleLength) characters")
        }
        guard let content else { return check.missing("content") }
        if content.allSatisfy(\.isWhitespace) {
            check.add("content", .missing, "the content is empty")
        } else if Self.details(title: title, content: content).count > CaseReport.maximumDetailsLength {
            check.add("content", .tooLong, "title and content are longer than \(CaseReport.maximumDetailsLength) characters")
        }
    }

    private func checkLocation(_ check: inout ProblemList) {
        guard let location else { return check.missing("location") }
        location.check("location", &check)
    }

    static func checkAssignment(_ assignment: Assignment, _ check: inout ProblemList) {
        let coUnits = assignment.coUnits ?? []
        if let lead = assignment.lead, coUnits.contains(lead) {
            check.add("assignment.coUnits", .inconsistent, "the lead unit \(lead) is also a co-unit")
        }
        if Set(coUnits).count != coUnits.count { check.add("assignment.coUnits", .inconsistent, "a co-unit is named twice") }
    }

    static func checkLimit(_ limit: TimeLimitV1, _ field: String, _ check: inout ProblemList) {
        if limit.amount < 1 { check.add(field + ".amount", .outOfRange, "\(limit.amount) is not a positive amount") }
    }

    private func checkRecords(_ check: inout ProblemList) {
        for (index, record) in (handlingRecords ?? []).enumerated() {
            let path = "handlingRecords[\(index)]"
            if record.at == nil { check.missing(path + ".at") }
            if record.action == nil { check.missing(path + ".action") }
        }
        if let reply {
            if reply.at == nil { check.missing("reply.at") }
            if reply.content == nil { check.missing("reply.content") }
        }
        for (index, entry) in (history ?? []).enumerated() {
            let path = "history[\(index)]"
            if entry.kind == nil { check.missing(path + ".kind") }
            if entry.at == nil { check.missing(path + ".at") }
            if let granted = entry.granted { Self.checkLimit(granted, path + ".granted", &check) }
        }
        for (index, entry) in (supervision ?? []).enumerated() where entry.at == nil {
            check.missing("supervision[\(index)].at")
        }
        if let callback {
            if callback.at == nil { check.missing("callback.at") }
            if callback.reached == nil { check.missing("callback.reached") }
        }
    }

    private func checkAttachments(_ check: inout ProblemList) {
        guard let attachments else { return }
        if attachments.count > Self.maximumAttachments {
            check.add("attachments", .tooLong, "\(attachments.count) attachments; at most \(Self.maximumAttachments)")
        }
        for (index, text) in attachments.enumerated() where Self.httpURL(text) == nil {
            check.add("attachments[\(index)]", .invalidFormat, "'\(text.prefix(200))' is not an http(s) URL")
        }
    }

    /// The problems found while decoding the order and its parts.
    var allDecodingProblems: [ContractProblem] {
        var all = decodingProblems
        all += caller?.decodingProblems ?? []
        all += location?.decodingProblems ?? []
        all += assignment?.decodingProblems ?? []
        all += (handlingRecords ?? []).flatMap(\.decodingProblems)
        all += reply?.decodingProblems ?? []
        all += (history ?? []).flatMap(\.decodingProblems)
        all += (supervision ?? []).flatMap(\.decodingProblems)
        all += callback?.decodingProblems ?? []
        return all
    }

    /// The case report's description: `【title】content`, or the content alone.
    static func details(title: String?, content: String) -> String {
        guard let title, !title.allSatisfy(\.isWhitespace) else { return content }
        return "【\(title)】\(content)"
    }

    /// The URL when `text` is an absolute http(s) URL with a host.
    static func httpURL(_ text: String) -> URL? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
            url.host != nil
        else { return nil }
        return url
    }
}

/// Problems being collected: those found while decoding first, then those of the checks; a field
/// with a decoding problem is not reported again as missing.
struct ProblemList {
    private(set) var problems: [ContractProblem]

    init(decoded: [ContractProblem]) { self.problems = decoded }

    /// True when a problem is already recorded for `field` or a field inside it.
    func has(_ field: String) -> Bool {
        problems.contains { $0.field == field || $0.field.hasPrefix(field + ".") || $0.field.hasPrefix(field + "[") }
    }

    /// Records `missing` for a required field, unless it already has a decoding problem.
    mutating func missing(_ field: String) {
        guard !has(field) else { return }
        problems.append(ContractProblem(field: field, code: .missing, message: "required"))
    }

    /// The problems ordered by their top-level field in `order` (the contract's field order), keeping
    /// the order of problems of the same field.
    func sorted(byFieldOrder order: [String]) -> [ContractProblem] {
        func rank(_ problem: ContractProblem) -> Int {
            let top = problem.field.prefix { $0 != "." && $0 != "[" }
            return order.firstIndex(of: String(top)) ?? -1
        }
        return problems.enumerated()
            .sorted { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }
            .map(\.element)
    }

    /// Records a problem.
    mutating func add(_ field: String, _ code: ContractProblem.Code, _ message: String) {
        problems.append(ContractProblem(field: field, code: code, message: message))
    }
}
