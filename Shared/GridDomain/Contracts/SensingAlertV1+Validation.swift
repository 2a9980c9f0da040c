extension SensingAlertV1 {
    /// `sensing alert <alert id>`, for errors and logs.
    public var subject: String {
        guard let alertId, !alertId.isEmpty else { return "sensing alert (no alert id)" }
        return "sensing alert \(alertId.count > 60 ? String(alertId.prefix(60)) + "…" : alertId)"
    }

    /// Checks the alert and throws one error listing every problem.
    public func validate() throws(ContractValidationError) {
        let found = problems()
        if !found.isEmpty { throw ContractValidationError(subject: subject, problems: found) }
    }

    /// Every problem of the alert, in the order of the contract's fields; empty when it is valid.
    public func problems() -> [ContractProblem] {
        var check = ProblemList(decoded: decodingProblems + (location?.decodingProblems ?? []))
        if schemaVersion == nil {
            check.missing("schemaVersion")
        } else if schemaVersion != Self.currentSchemaVersion {
            check.add(
                "schemaVersion", .unsupportedVersion,
                "version \(schemaVersion!) is not supported; this reader reads version \(Self.currentSchemaVersion)")
        }
        if let alertId {
            do { _ = try CaseNumber(alertId) } catch { check.add("alertId", .invalidFormat, error.reason) }
        } else {
            check.missing("alertId")
        }
        if let deviceId {
            if !Self.isDeviceID(deviceId) {
                check.add("deviceId", .invalidFormat, "must have 1 to 64 characters from A–Z a–z 0–9 - _ / . :")
            }
        } else {
            check.missing("deviceId")
        }
        if observedAt == nil { check.missing("observedAt") }
        if let confidence, !(confidence.isFinite && (0...1).contains(confidence)) {
            check.add("confidence", .outOfRange, "\(confidence) is not within 0…1")
        }
        if let description {
            if description.allSatisfy(\.isWhitespace) {
                check.add("description", .missing, "the description is empty")
            } else if description.count > Self.maximumDescriptionLength {
                check.add("description", .tooLong, "longer than \(Self.maximumDescriptionLength) characters")
            }
        } else {
            check.missing("description")
        }
        if let location { location.check("location", &check) } else { check.missing("location") }
        if let attachments {
            if attachments.count > HotlineWorkOrderV1.maximumAttachments {
                check.add("attachments", .tooLong, "\(attachments.count) attachments; at most \(HotlineWorkOrderV1.maximumAttachments)")
            }
            for (index, text) in attachments.enumerated() where HotlineWorkOrderV1.httpURL(text) == nil {
                check.add("attachments[\(index)]", .invalidFormat, "'\(text.prefix(200))' is not an http(s) URL")
            }
        }
        if let componentId {
            do { try CaseReport.check(componentId, against: category) } catch {
                check.add("componentId", .inconsistent, error.reason)
            }
        }
        return check.sorted(byFieldOrder: CodingKeys.allCases.map(\.stringValue))
    }

    /// The case report for this alert, after `validate()`: channel `sensing`, the device as the
    /// reporter's account, `observedAt` as the report time, the alert id as the external reference.
    public func caseReport() throws(ContractValidationError) -> CaseReport {
        try validate()
        guard let deviceId, let observedAt, let description, let location else {
            throw ContractValidationError(subject: subject, field: "", code: .missing, message: "required fields are missing")
        }
        do throws(CaseDataError) {
            return try CaseReport(
                channel: .sensing, reporter: Reporter(accountID: deviceId), reportedAt: observedAt,
                location: location.caseLocation(), category: category, urgency: urgency ?? .normal, details: description,
                attachments: (attachments ?? []).compactMap(HotlineWorkOrderV1.httpURL), componentID: componentId,
                externalReference: alertId)
        } catch {
            throw ContractValidationError(subject: subject, field: error.field, code: .inconsistent, message: error.description)
        }
    }

    private static func isDeviceID(_ text: String) -> Bool {
        (1...64).contains(text.utf8.count)
            && text.utf8.allSatisfy { byte in
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                    UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"),
                    UInt8(ascii: "."), UInt8(ascii: ":"):
                    true
                default: false
                }
            }
    }
}
