import Foundation
import GridKafka
import Logging

/// Reads `gridloop.case.lifecycle` from the beginning (a consumer group of its own) and records in the ledger the
/// events of this run's cases, each at its record's create time (when the service published it): an opening event
/// whose report names one of the run's orders links the case; later events of that case mark stages.
struct LifecycleFollower: Sendable {
    let consumer: KafkaConsumer
    let orderPrefix: String
    let ledger: OrderLedger
    let printer: FollowPrinter?

    init(kafka: KafkaConfiguration, orderPrefix: String, ledger: OrderLedger, printer: FollowPrinter?, logger: Logger) throws {
        self.consumer = try KafkaConsumer(
            configuration: KafkaConsumer.Configuration(
                kafka: kafka, groupID: "gridloop-load-\(UUID().uuidString.prefix(8))",
                topics: ["gridloop.case.lifecycle"], maxBatchSize: 5000, autoOffsetReset: .earliest),
            logger: logger)
        self.orderPrefix = orderPrefix
        self.ledger = ledger
        self.printer = printer
    }

    /// Polls and records until cancelled.
    func run() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await self.consumer.run() }
            group.addTask {
                for try await batch in self.consumer.batches {
                    let receivedAt = Date()
                    // A stage is reached when its event is published: the record's create time (set by the service's
                    // producer on this machine's clock), so this consumer's own fetch and batching delays are not counted.
                    for message in batch { self.record(message, at: message.timestamp ?? receivedAt) }
                    self.consumer.release(batch)
                }
            }
            try await group.next()
            group.cancelAll()
        }
    }

    /// Waits until the group has assigned this consumer its partitions (on Tansu a group's first join takes a few
    /// seconds), so that events are observed when they are published, not when the join completes.
    func waitUntilAssigned(timeout: Duration) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while self.consumer.assignment.isEmpty {
            guard ContinuousClock.now < deadline else {
                throw LoadToolError("the lifecycle consumer got no partitions within \(timeout): is the broker up?")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        // The first fetch (from the earliest offset) follows the assignment at once; give it a moment.
        try await Task.sleep(for: .milliseconds(500))
    }

    private func record(_ message: KafkaConsumerMessage, at date: Date) {
        guard let key = message.key else { return }
        let caseId = String(decoding: key, as: UTF8.self)
        let type = message.headers.first { $0.name == "ce_type" }?.value.map { String(decoding: $0, as: UTF8.self) } ?? ""
        if type == "gridloop.case.reported.v1" {
            guard let opening = try? JSONDecoder().decode(OpeningData.self, from: Data(message.value)),
                let reference = opening.report.externalReference, reference.hasPrefix(self.orderPrefix),
                self.ledger.opened(orderNumber: reference, caseId: caseId, caseNumber: opening.caseNumber, at: date)
            else { return }
            self.printer?.print(orderNumber: reference, caseId: caseId, caseNumber: opening.caseNumber, type: type, data: message.value)
            return
        }
        guard let orderNumber = self.ledger.orderNumber(ofCase: caseId) else { return }
        self.ledger.received(type: type, caseId: caseId, at: date)
        self.printer?.print(orderNumber: orderNumber, caseId: caseId, caseNumber: nil, type: type, data: message.value)
    }

    /// The parts of `gridloop.case.reported.v1` data the follower needs.
    private struct OpeningData: Decodable {
        struct Report: Decodable {
            var externalReference: String?
        }

        var caseNumber: String
        var report: Report
    }
}
