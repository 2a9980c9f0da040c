import Foundation

/// Any event on `gridloop.case.lifecycle`, decoded by its CloudEvents `type`.
///
/// ```swift
/// switch try LifecycleTopicEventV1.decode(type: event.type, data: Data(event.data ?? [])) {
/// case .reported(let opened): …
/// case .step(let step): …
/// case .yellowCard(let card), .redCard(let card): …
/// case .manualDispatchRequired(let notice): …
/// case .unknown: break   // a newer type or version: ignore it (tolerant reader)
/// }
/// ```
public enum LifecycleTopicEventV1: Sendable, Hashable {
    /// `gridloop.case.reported.v1`.
    case reported(CaseReportedV1)
    /// `gridloop.case.<step>.v1`.
    case step(CaseStepV1)
    /// `gridloop.deadline.yellow-card.v1`.
    case yellowCard(DeadlineCardV1)
    /// `gridloop.deadline.red-card.v1`.
    case redCard(DeadlineCardV1)
    /// `gridloop.dispatch.manual-required.v1`.
    case manualDispatchRequired(ManualDispatchRequiredV1)
    /// A type this reader does not know (a new event or a new version); consumers skip it.
    case unknown(type: String)

    /// Decodes `data` as the data of `type`. Throws when the data do not match the type's schema or
    /// contradict the type (a step type whose `action.step` is another step, a card type with the
    /// other card). Unknown types decode to `.unknown`.
    public static func decode(type: String, data: Data) throws(ContractValidationError) -> LifecycleTopicEventV1 {
        func decode<Payload: Decodable>(_ payload: Payload.Type) throws(ContractValidationError) -> Payload {
            do {
                return try ContractJSON.decoder.decode(Payload.self, from: data)
            } catch {
                throw ContractValidationError(
                    subject: "\(type) data", field: Self.path(of: error), code: .invalidFormat, message: Self.describe(error))
            }
        }
        func mismatch(_ field: String, _ message: String) -> ContractValidationError {
            ContractValidationError(subject: "\(type) data", field: field, code: .inconsistent, message: message)
        }
        switch type {
        case ContractEventType.caseReported:
            return .reported(try decode(CaseReportedV1.self))
        case ContractEventType.yellowCard, ContractEventType.redCard:
            let card = try decode(DeadlineCardV1.self)
            guard card.type == type else { throw mismatch("card", "a \(card.card.rawValue) card under type \(type)") }
            return card.card == .yellow ? .yellowCard(card) : .redCard(card)
        case ContractEventType.manualDispatchRequired:
            return .manualDispatchRequired(try decode(ManualDispatchRequiredV1.self))
        default:
            guard let kind = ContractEventType.stepKind(of: type) else { return .unknown(type: type) }
            let step = try decode(CaseStepV1.self)
            guard step.action.kind == kind else {
                throw mismatch("action.step", "step '\(step.action.kind.rawValue)' under type \(type)")
            }
            return .step(step)
        }
    }

    /// The CloudEvents type of the event.
    public var type: String {
        switch self {
        case .reported: ContractEventType.caseReported
        case .step(let step): step.type
        case .yellowCard: ContractEventType.yellowCard
        case .redCard: ContractEventType.redCard
        case .manualDispatchRequired: ContractEventType.manualDispatchRequired
        case .unknown(let type): type
        }
    }

    /// The case the event is about (the Kafka key and CloudEvents subject); `nil` for unknown types.
    public var caseId: CaseID? {
        switch self {
        case .reported(let data): data.caseId
        case .step(let data): data.caseId
        case .yellowCard(let data), .redCard(let data): data.caseId
        case .manualDispatchRequired(let data): data.caseId
        case .unknown: nil
        }
    }

    /// The JSON data (the Kafka record value); `nil` for unknown types.
    public func data() throws -> Data? {
        switch self {
        case .reported(let data): try ContractJSON.encode(data)
        case .step(let data): try ContractJSON.encode(data)
        case .yellowCard(let data), .redCard(let data): try ContractJSON.encode(data)
        case .manualDispatchRequired(let data): try ContractJSON.encode(data)
        case .unknown: nil
        }
    }

    /// The JSON path of a decoding error, e.g. `snapshot.placement.grid`.
    static func path(of error: any Error) -> String {
        guard let error = error as? DecodingError else { return "" }
        let path: [any CodingKey]
        switch error {
        case .keyNotFound(let key, let context): path = context.codingPath + [key]
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context): path = context.codingPath
        @unknown default: return ""
        }
        return ContractPath.text(path)
    }

    /// A one-line description of a decoding error.
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .keyNotFound(let key, _): return "missing field '\(key.stringValue)'"
        case .typeMismatch(let type, let c): return "expected \(type): \(c.debugDescription)"
        case .valueNotFound(let type, _): return "null where \(type) is required"
        case .dataCorrupted(let c):
            if let underlying = c.underlyingError { return "\(c.debugDescription) (\(underlying))" }
            return c.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
