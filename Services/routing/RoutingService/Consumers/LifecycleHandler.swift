import Foundation
public import GridDomain
public import GridRuntime
public import Logging

/// Handles events of `gridloop.case.lifecycle` a batch at a time, in the caller's (inbox) transaction:
/// opens and advances routing's replicas with `CaseReplay` (every event, including routing's own, which
/// come back as duplicates), then acts on the cases that now wait for routing (see
/// ``RoutingWorkspace/settle(now:)``), and saves replicas, tasks, queue entries and the events it
/// produces in the same transaction. Cards and manual-dispatch notices change nothing; unknown types
/// are skipped.
///
/// Failures: undecodable data and events the replica refuses (`refused`, `diverged`, `invalidData`…)
/// are ``EventRejection``s (dead-lettered); a `gap` (events missing) is retried, then dead-lettered.
public struct LifecycleHandler: Sendable {
    let store: RoutingStore
    let lifecycle: CaseLifecycle
    let dispatcher: Dispatcher
    let clock: @Sendable () -> Date

    /// Creates the handler.
    public init(
        store: RoutingStore = RoutingStore(), lifecycle: CaseLifecycle, dispatcher: Dispatcher,
        clock: @escaping @Sendable () -> Date = RoutingClock.now
    ) {
        self.store = store
        self.lifecycle = lifecycle
        self.dispatcher = dispatcher
        self.clock = clock
    }

    /// Handles `events` (in topic order) in `transaction`.
    /// - Returns: What routing decided (count it after the commit).
    public func handle(_ events: [CloudEvent], in transaction: OutboxTransaction, logger: Logger) async throws -> RoutingWorkspace.Outcomes {
        var decoded: [LifecycleTopicEventV1] = []
        decoded.reserveCapacity(events.count)
        for event in events {
            do {
                decoded.append(try LifecycleTopicEventV1.decode(type: event.type, data: Data(event.data ?? [])))
            } catch {
                throw EventRejection(.invalidPayload, "event \(event.id) of type \(event.type): \(error)")
            }
        }
        let ids = decoded.compactMap { event -> CaseID? in
            switch event {
            case .reported(let data): data.caseId
            case .step(let data): data.caseId
            case .redCard(let card): card.caseId
            default: nil
            }
        }
        let loaded = try await store.load(ids, on: transaction.connection, logger: logger)
        var workspace = RoutingWorkspace(lifecycle: lifecycle, dispatcher: dispatcher, loaded: loaded)
        for event in decoded {
            do throws(CaseReplayError) {
                switch event {
                case .reported(let data): try workspace.open(data)
                case .step(let data): try workspace.replay(data)
                case .redCard(let card): workspace.recordRedCard(card)
                case .yellowCard, .manualDispatchRequired, .unknown: continue
                }
            } catch where error.code == .gap {
                throw ReplayGap(error: error)
            } catch {
                throw EventRejection(.invariantViolated, error.description)
            }
        }
        workspace.settle(now: clock())
        try await store.save(workspace, on: transaction.connection, logger: logger)
        try RoutingEvents.enqueue(workspace.outgoing, into: transaction)
        for event in workspace.outgoing {
            let metadata: Logger.Metadata = [
                LogMetadataKey.caseID: .string(event.caseId?.description ?? "-"), "type": .string(event.type),
            ]
            if case .manualDispatchRequired(let notice) = event {
                logger.info("case waits for a dispatcher", metadata: metadata.merging(["reason": .string(notice.reason.rawValue)]) { $1 })
            } else {
                logger.debug("case dispatched", metadata: metadata)
            }
        }
        return workspace.outcomes
    }
}

/// Events of a case are missing (a sequence gap): retried, since a late event may still arrive, and
/// dead-lettered when retries run out.
public struct ReplayGap: Error, Sendable, CustomStringConvertible {
    /// The replay error.
    public let error: CaseReplayError

    /// `cannot replay event …: gap: …`.
    public var description: String { error.description }
}
