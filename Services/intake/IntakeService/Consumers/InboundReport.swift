import Foundation
import GridDomain
import GridRuntime

/// A consumed hotline work order or sensing alert, decoded once: its inbox key and either the report
/// it becomes or every problem that makes it unacceptable.
///
/// The inbox key is the order number (alert id) — `source` names the topic — so an order sent again
/// is recognised; a message without a readable number is keyed by its position (`p<partition>@<offset>`).
struct InboundReport: InboxMessage, Sendable {
    /// The message as consumed.
    let message: IncomingMessage
    /// The dedupe key.
    let inboxKey: InboxKey
    /// The report, or why the message is refused.
    let result: Result<NewReport, ContractValidationError>

    /// Decodes a record of `gridloop.sensing.alerts` as an alert and any other as a work order.
    static func decode(_ message: IncomingMessage, catalog: CategoryCatalog) -> InboundReport {
        message.topic == ContractTopic.sensingAlerts ? sensingAlert(message, catalog: catalog) : hotlineOrder(message, catalog: catalog)
    }

    /// Decodes and validates a work order (`HotlineWorkOrderV1`); the category must be in the city's catalog.
    static func hotlineOrder(_ message: IncomingMessage, catalog: CategoryCatalog) -> InboundReport {
        let value = Data(message.value ?? [])
        let order: HotlineWorkOrderV1
        do {
            order = try HotlineWorkOrderV1.decode(value)
        } catch {
            return InboundReport(message: message, inboxKey: positionKey(message), result: .failure(error))
        }
        let key = order.orderNumber.flatMap { try? CaseNumber($0) }.map { InboxKey(source: message.topic, id: $0.rawValue) }
        var problems = order.problems()
        if let category = order.category, !catalog.contains(category) {
            problems.append(ContractProblem(field: "category", code: .unknownValue, message: "'\(category)' is not in the city's catalog"))
        }
        guard problems.isEmpty else {
            return InboundReport(
                message: message, inboxKey: key ?? positionKey(message),
                result: .failure(ContractValidationError(subject: order.subject, problems: problems)))
        }
        let result = Result { () throws(ContractValidationError) -> NewReport in
            NewReport(
                report: try order.caseReport(), actor: CaseWorkflow.system, selfDisposal: nil,
                inbound: InboundSource(
                    kind: .hotlineOrder(requestType: order.requestType?.rawValue ?? ""), raw: message.value ?? [],
                    partition: message.partition, offset: message.offset))
        }
        return InboundReport(message: message, inboxKey: key ?? positionKey(message), result: result)
    }

    /// Decodes and validates a sensing alert (`SensingAlertV1`); the category must be in the city's catalog.
    static func sensingAlert(_ message: IncomingMessage, catalog: CategoryCatalog) -> InboundReport {
        let value = Data(message.value ?? [])
        let alert: SensingAlertV1
        do {
            alert = try SensingAlertV1.decode(value)
        } catch {
            return InboundReport(message: message, inboxKey: positionKey(message), result: .failure(error))
        }
        let key = alert.alertId.flatMap { try? CaseNumber($0) }.map { InboxKey(source: message.topic, id: $0.rawValue) }
        var problems = alert.problems()
        if let category = alert.category, !catalog.contains(category) {
            problems.append(ContractProblem(field: "category", code: .unknownValue, message: "'\(category)' is not in the city's catalog"))
        }
        guard problems.isEmpty else {
            return InboundReport(
                message: message, inboxKey: key ?? positionKey(message),
                result: .failure(ContractValidationError(subject: alert.subject, problems: problems)))
        }
        let result = Result { () throws(ContractValidationError) -> NewReport in
            NewReport(
                report: try alert.caseReport(), actor: CaseWorkflow.system, selfDisposal: nil,
                inbound: InboundSource(
                    kind: .sensingAlert(deviceID: alert.deviceId ?? ""), raw: message.value ?? [], partition: message.partition,
                    offset: message.offset))
        }
        return InboundReport(message: message, inboxKey: key ?? positionKey(message), result: result)
    }

    /// The key of a message whose number cannot be read: its position.
    static func positionKey(_ message: IncomingMessage) -> InboxKey {
        InboxKey(source: message.topic, id: "p\(message.partition)@\(message.offset)")
    }
}
