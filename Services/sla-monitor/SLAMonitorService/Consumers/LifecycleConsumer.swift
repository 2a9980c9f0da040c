import Foundation
import GridDomain
import GridRuntime

/// The handler of the `gridloop.case.lifecycle` consumer group: reads the batch's opening events and
/// steps (cards and notices are skipped) and applies them to the stage clocks in the batch's
/// transaction (``LifecycleApplier``).
///
/// A record whose data do not fit its type is rejected as an `EventRejection` (invalid payload); an
/// event whose deadlines cannot be computed throws ``ClockUpdateError`` (a `PermanentFailure`). Either
/// way the runtime retries the batch one event at a time and dead-letters only that event to
/// `gridloop.case.lifecycle.dlt`.
struct LifecycleConsumer: Sendable {
    let applier: LifecycleApplier
    /// The current time (when cards fall due soon enough to wake the timer).
    let now: @Sendable () -> Date

    /// Applies the new events of one transaction, in order.
    func handle(_ events: [ConsumedEvent], in transaction: OutboxTransaction) async throws {
        var inputs: [LifecycleInput] = []
        inputs.reserveCapacity(events.count)
        for consumed in events {
            if let input = try Self.input(of: consumed.requireEvent()) { inputs.append(input) }
        }
        // Cases loaded in this transaction only: a retried transaction starts from the database again.
        var cases: [CaseID: CaseClocks] = [:]
        try await applier.apply(inputs, cases: &cases, on: transaction.connection, now: now())
    }

    /// What the monitor reads from `event`, or `nil` for what is not an opening event or a step.
    /// - Throws: `EventRejection` (invalid payload) when the data are missing or do not fit the type.
    static func input(of event: CloudEvent) throws(EventRejection) -> LifecycleInput? {
        guard let data = event.data else {
            throw EventRejection(.invalidPayload, "\(event.type) \(event.id) has no data")
        }
        do {
            return try LifecycleInput.decode(type: event.type, data: Data(data))
        } catch {
            throw EventRejection(.invalidPayload, "\(event.type) \(event.id): \(error.description)")
        }
    }
}

/// An event the clocks cannot take is never retried: it is dead-lettered with the reason.
extension ClockUpdateError: PermanentFailure {}
