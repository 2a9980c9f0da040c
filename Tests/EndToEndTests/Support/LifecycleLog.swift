import Foundation
import GridDomain
import GridKafka
import Logging
import Synchronization

/// Everything published on `gridloop.case.lifecycle` since the stack started, read by a consumer group of its own
/// (from the earliest offset), in arrival order.
///
/// ```swift
/// let opened = try await stack.lifecycle.awaitOpening(externalReference: "E2E-0001")
/// let dispatched = try await stack.lifecycle.awaitEvent(ofCase: opened.caseId, type: "gridloop.case.dispatched.v1")
/// let timeline = stack.lifecycle.events(ofCase: opened.caseId).map(\.type)
/// ```
final class LifecycleLog: Sendable {
    /// One record of the lifecycle topic.
    struct Record: Sendable {
        /// `ce_type`, e.g. `gridloop.case.filed.v1`.
        var type: String
        /// `ce_source`, e.g. `/gridloop/intake`.
        var source: String
        /// `ce_id`.
        var eventId: String
        /// The record key: the case id.
        var caseId: String
        /// Partition and offset.
        var partition: Int32
        var offset: Int64
        /// The CloudEvent data (JSON).
        var data: Data
        /// The data decoded by its type (`nil` when it did not decode; see ``decodingError``).
        var event: LifecycleTopicEventV1?
        /// Why ``event`` is `nil`.
        var decodingError: String?
        /// When this reader received it (local clock).
        var receivedAt: Date

        /// The lifecycle sequence of a step or opening; `nil` for cards and notices.
        var sequence: Int? {
            switch self.event {
            case .reported(let opened): opened.sequence
            case .step(let step): step.sequence
            default: nil
            }
        }

        /// The snapshot the event carries (the case after the step, or as of a card or notice).
        var snapshot: CaseSnapshotV1? {
            switch self.event {
            case .reported(let opened): opened.snapshot
            case .step(let step): step.snapshot
            case .yellowCard(let card), .redCard(let card): card.snapshot
            case .manualDispatchRequired(let notice): notice.snapshot
            case .unknown, nil: nil
            }
        }
    }

    private let consumer: KafkaConsumer
    private let records = Mutex<[Record]>([])
    private let tasks = Mutex<[Task<Void, Never>]>([])

    /// Subscribes with a new consumer group; ``start()`` begins reading.
    init(kafka: KafkaConfiguration, logger: Logger) throws {
        self.consumer = try KafkaConsumer(
            configuration: KafkaConsumer.Configuration(
                kafka: kafka,
                groupID: "gridloop-e2e-\(UUID().uuidString.prefix(8))",
                topics: [ContractTopic.caseLifecycle],
                autoOffsetReset: .earliest
            ),
            logger: logger
        )
    }

    /// Joins the group and reads in the background until ``stop()``.
    func start() {
        let consumer = self.consumer
        let running = Task { _ = try? await consumer.run() }
        let reading = Task {
            do {
                for try await batch in consumer.batches {
                    let received = batch.map(Self.record(from:))
                    self.records.withLock { $0.append(contentsOf: received) }
                    consumer.release(batch)
                }
            } catch {
                // The consumer stopped (shutdown or a fatal error); what was read stays available.
            }
        }
        self.tasks.withLock { $0 = [running, reading] }
    }

    /// Every record read so far, in arrival order.
    var all: [Record] { self.records.withLock { $0 } }

    /// The records of one case, in arrival order (which is the case's order: one key, one partition).
    func events(ofCase caseId: String) -> [Record] {
        self.records.withLock { $0.filter { $0.caseId == caseId } }
    }

    /// The opening event (`gridloop.case.reported.v1`) whose report carries `externalReference` (a hotline order
    /// number, a sensing alert id), if read yet.
    func opening(externalReference: String) -> Record? {
        self.records.withLock { records in
            records.first { record in
                if case .reported(let opened) = record.event { opened.report.externalReference == externalReference } else { false }
            }
        }
    }

    /// Waits for the opening event of the case opened from `externalReference`.
    func awaitOpening(externalReference: String, timeout: Duration = .seconds(90)) async throws -> Record {
        try await eventually("a case is opened for \(externalReference)", timeout: timeout) {
            self.opening(externalReference: externalReference)
        }
    }

    /// Waits for the first event of `type` of a case.
    func awaitEvent(ofCase caseId: String, type: String, timeout: Duration = .seconds(90)) async throws -> Record {
        try await eventually("case \(caseId) has a \(type) event", timeout: timeout) {
            self.events(ofCase: caseId).first { $0.type == type }
        }
    }

    /// Stops reading (leaves the group).
    func stop() async {
        let tasks = self.tasks.withLock { current in
            defer { current = [] }
            return current
        }
        tasks.first?.cancel()
        for task in tasks { await task.value }
    }

    private static func record(from message: KafkaConsumerMessage) -> Record {
        func header(_ name: String) -> String {
            message.headers.first { $0.name == name }?.value.map { String(decoding: $0, as: UTF8.self) } ?? ""
        }
        let type = header("ce_type")
        let data = Data(message.value)
        var event: LifecycleTopicEventV1?
        var decodingError: String?
        do {
            event = try LifecycleTopicEventV1.decode(type: type, data: data)
        } catch {
            decodingError = "\(error)"
        }
        return Record(
            type: type, source: header("ce_source"), eventId: header("ce_id"),
            caseId: message.key.map { String(decoding: $0, as: UTF8.self) } ?? "",
            partition: message.partition, offset: message.offset, data: data, event: event,
            decodingError: decodingError, receivedAt: Date()
        )
    }
}
