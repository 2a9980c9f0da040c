import Foundation

extension CaseActionV1: Codable {
    /// Every key any step uses; each step reads only its own.
    enum CodingKeys: String, CodingKey, CaseIterable {
        case step, confirmed, note, category, urgency, reason, duplicateOf, lead, coUnits, requested, granted
        case attachments, satisfaction, level, units
    }

    /// The keys each step writes (required ones first), for documentation and the schema tests.
    public static func parameterKeys(of kind: CaseAction.Kind) -> (required: [String], optional: [String]) {
        switch kind {
        case .requestVerification, .signFor, .approvePark, .resume, .assignCheck, .close, .reportArrival:
            ([], [])
        case .reportVerification: (["confirmed"], ["note"])
        case .file: ([], ["category", "urgency"])
        case .notFile: (["reason"], ["note"])
        case .markDuplicate: (["duplicateOf"], [])
        case .void, .returnToDispatcher, .denyExtension, .requestPark, .denyPark, .failCheck: (["reason"], [])
        case .dispatch, .redispatch: (["lead", "coUnits"], [])
        case .requestExtension: (["requested", "reason"], [])
        case .approveExtension: ([], ["granted"])
        case .reportDisposal, .selfDispose: (["note", "attachments"], [])
        case .passCheck: ([], ["note"])
        case .recordCallback: (["satisfaction"], ["note"])
        case .escalate: (["level", "reason"], [])
        case .blowWhistle: (["units", "reason"], [])
        }
    }

    /// Decodes `{"step": …, …parameters}`; unknown keys are ignored, an unknown step is an error.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let name = try c.decode(String.self, forKey: .step)
        guard let kind = CaseAction.Kind(rawValue: name) else {
            throw DecodingError.dataCorruptedError(
                forKey: .step, in: c,
                debugDescription: "unknown step '\(name)'; expected one of \(CaseAction.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        switch kind {
        case .requestVerification: self = .requestVerification
        case .reportVerification:
            self = .reportVerification(
                confirmed: try c.decode(Bool.self, forKey: .confirmed), note: try c.decodeIfPresent(String.self, forKey: .note))
        case .file:
            self = .file(
                category: try c.decodeIfPresent(CategoryCode.self, forKey: .category),
                urgency: try c.decodeIfPresent(Urgency.self, forKey: .urgency))
        case .notFile:
            self = .notFile(
                reason: try c.decode(NotFiledReason.self, forKey: .reason), note: try c.decodeIfPresent(String.self, forKey: .note))
        case .markDuplicate: self = .markDuplicate(of: try c.decode(CaseID.self, forKey: .duplicateOf))
        case .void: self = .void(reason: try c.decode(String.self, forKey: .reason))
        case .dispatch: self = .dispatch(lead: try c.decode(UnitID.self, forKey: .lead), coUnits: try Self.units(c, .coUnits))
        case .signFor: self = .signFor
        case .returnToDispatcher: self = .returnToDispatcher(reason: try c.decode(String.self, forKey: .reason))
        case .redispatch: self = .redispatch(lead: try c.decode(UnitID.self, forKey: .lead), coUnits: try Self.units(c, .coUnits))
        case .requestExtension:
            self = .requestExtension(
                try c.decode(TimeLimitV1.self, forKey: .requested), reason: try c.decode(String.self, forKey: .reason))
        case .approveExtension: self = .approveExtension(granted: try c.decodeIfPresent(TimeLimitV1.self, forKey: .granted))
        case .denyExtension: self = .denyExtension(reason: try c.decode(String.self, forKey: .reason))
        case .requestPark: self = .requestPark(reason: try c.decode(String.self, forKey: .reason))
        case .approvePark: self = .approvePark
        case .denyPark: self = .denyPark(reason: try c.decode(String.self, forKey: .reason))
        case .resume: self = .resume
        case .reportDisposal:
            self = .reportDisposal(note: try c.decode(String.self, forKey: .note), attachments: try Self.urls(c))
        case .assignCheck: self = .assignCheck
        case .passCheck: self = .passCheck(note: try c.decodeIfPresent(String.self, forKey: .note))
        case .failCheck: self = .failCheck(reason: try c.decode(String.self, forKey: .reason))
        case .recordCallback:
            self = .recordCallback(
                satisfaction: try c.decode(Satisfaction.self, forKey: .satisfaction),
                note: try c.decodeIfPresent(String.self, forKey: .note))
        case .close: self = .close
        case .selfDispose: self = .selfDispose(note: try c.decode(String.self, forKey: .note), attachments: try Self.urls(c))
        case .escalate:
            self = .escalate(
                to: try c.decode(GovernanceLevel.self, forKey: .level), reason: try c.decode(String.self, forKey: .reason))
        case .blowWhistle:
            self = .blowWhistle(units: try c.decode([UnitID].self, forKey: .units), reason: try c.decode(String.self, forKey: .reason))
        case .reportArrival: self = .reportArrival
        }
    }

    /// Encodes `{"step": …, …parameters}`, leaving out absent optional parameters.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind.rawValue, forKey: .step)
        switch self {
        case .requestVerification, .signFor, .approvePark, .resume, .assignCheck, .close, .reportArrival:
            break
        case .reportVerification(let confirmed, let note):
            try c.encode(confirmed, forKey: .confirmed)
            try c.encodeIfPresent(note, forKey: .note)
        case .file(let category, let urgency):
            try c.encodeIfPresent(category, forKey: .category)
            try c.encodeIfPresent(urgency, forKey: .urgency)
        case .notFile(let reason, let note):
            try c.encode(reason, forKey: .reason)
            try c.encodeIfPresent(note, forKey: .note)
        case .markDuplicate(let original):
            try c.encode(original, forKey: .duplicateOf)
        case .void(let reason), .returnToDispatcher(let reason), .denyExtension(let reason), .requestPark(let reason),
            .denyPark(let reason), .failCheck(let reason):
            try c.encode(reason, forKey: .reason)
        case .dispatch(let lead, let coUnits), .redispatch(let lead, let coUnits):
            try c.encode(lead, forKey: .lead)
            try c.encode(coUnits, forKey: .coUnits)
        case .requestExtension(let amount, let reason):
            try c.encode(amount, forKey: .requested)
            try c.encode(reason, forKey: .reason)
        case .approveExtension(let granted):
            try c.encodeIfPresent(granted, forKey: .granted)
        case .reportDisposal(let note, let attachments), .selfDispose(let note, let attachments):
            try c.encode(note, forKey: .note)
            try c.encode(attachments.map(\.absoluteString), forKey: .attachments)
        case .passCheck(let note):
            try c.encodeIfPresent(note, forKey: .note)
        case .recordCallback(let satisfaction, let note):
            try c.encode(satisfaction, forKey: .satisfaction)
            try c.encodeIfPresent(note, forKey: .note)
        case .escalate(let level, let reason):
            try c.encode(level, forKey: .level)
            try c.encode(reason, forKey: .reason)
        case .blowWhistle(let units, let reason):
            try c.encode(units, forKey: .units)
            try c.encode(reason, forKey: .reason)
        }
    }

    /// A unit list; absent counts as empty (tolerant reader), writers always write it.
    private static func units(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> [UnitID] {
        try c.decodeIfPresent([UnitID].self, forKey: key) ?? []
    }

    /// Attachment URLs written as strings; absent counts as empty.
    private static func urls(_ c: KeyedDecodingContainer<CodingKeys>) throws -> [URL] {
        let texts = try c.decodeIfPresent([String].self, forKey: .attachments) ?? []
        return try texts.map { text in
            guard let url = URL(string: text), url.scheme != nil else {
                throw DecodingError.dataCorruptedError(
                    forKey: .attachments, in: c, debugDescription: "'\(text)' is not an absolute URL")
            }
            return url
        }
    }
}
