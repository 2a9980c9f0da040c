import Foundation
public import GridDomain
public import GridRuntime

/// Turns the lifecycle-topic events routing produces into CloudEvents for the outbox: binary mode,
/// source `/gridloop/routing`, subject and key = the case id, time = when the step happened (or the
/// notice was issued), data = the contract JSON.
public enum RoutingEvents {
    /// Enqueues `events` on `gridloop.case.lifecycle` in order.
    public static func enqueue(_ events: [LifecycleTopicEventV1], into transaction: OutboxTransaction) throws {
        for event in events {
            try transaction.enqueue(cloudEvent(event), topic: ContractTopic.caseLifecycle)
        }
    }

    /// The CloudEvent of a step or notice.
    public static func cloudEvent(_ event: LifecycleTopicEventV1) throws -> CloudEvent {
        let time: Date?
        switch event {
        case .step(let step): time = step.occurredAt
        case .manualDispatchRequired(let notice): time = notice.detectedAt
        case .reported(let opened): time = opened.occurredAt
        case .yellowCard(let card), .redCard(let card): time = card.issuedAt
        case .unknown: time = nil
        }
        return CloudEvent(
            id: UUID().uuidString.lowercased(), source: ContractSource.routing, type: event.type,
            subject: event.caseId?.description, time: time, dataContentType: CloudEvent.jsonContentType,
            data: try event.data().map { Array($0) })
    }
}
