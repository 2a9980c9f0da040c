import Foundation
import GridDomain
import GridKafka
import Logging
import Synchronization

/// Sends the run's work orders at a steady rate: every few milliseconds the orders that have fallen due are handed
/// to the producer as one batch (without waiting for the previous batch's acknowledgements).
struct OrderSender: Sendable {
    /// How the sending went.
    struct Outcome: Sendable, Codable {
        /// Orders the broker acknowledged.
        var acknowledged: Int
        /// Orders the producer could not deliver.
        var failed: Int
        /// Seconds from the first to the last order handed to the producer.
        var sendingSeconds: Double
        /// The first delivery error, if any.
        var firstError: String?
    }

    let producer: KafkaProducer
    let factory: WorkOrderFactory
    let ledger: OrderLedger
    let logger: Logger

    /// Sends `count` orders numbered `<orderPrefix>-000001`… at `rate` per second and waits for every delivery report.
    func send(count: Int, rate: Double, orderPrefix: String) async throws -> Outcome {
        var generator = self.factory.generator()
        let tally = Tally()
        let start = ContinuousClock.now
        let tick = Duration.milliseconds(max(1, min(20, Int(1000 / rate))))
        var sent = 0
        try await withThrowingDiscardingTaskGroup { group in
            while sent < count {
                let due = min(count, Int((Self.seconds(ContinuousClock.now - start) * rate).rounded(.down)) + 1)
                if due > sent {
                    var messages: [KafkaProducerMessage] = []
                    var numbers: [String] = []
                    for serial in (sent + 1)...due {
                        let number = "\(orderPrefix)-\(String(format: "%06d", serial))"
                        let order = try generator.order(number: number)
                        messages.append(
                            KafkaProducerMessage(
                                topic: ContractTopic.hotlineWorkOrders, key: Array(number.utf8),
                                value: Array(try ContractJSON.encode(order))))
                        numbers.append(number)
                    }
                    self.ledger.sent(numbers, at: Date())
                    let producer = self.producer
                    group.addTask {
                        let results = await producer.send(batch: messages)
                        tally.outcome.withLock { tally in
                            for result in results {
                                switch result {
                                case .success: tally.acknowledged += 1
                                case .failure(let failure):
                                    tally.failed += 1
                                    tally.firstError = tally.firstError ?? "\(failure)"
                                }
                            }
                        }
                    }
                    sent = due
                }
                if sent < count { try await Task.sleep(for: tick) }
            }
            tally.outcome.withLock { $0.sendingSeconds = Self.seconds(ContinuousClock.now - start) }
        }
        let outcome = tally.outcome.withLock { $0 }
        if let error = outcome.firstError {
            self.logger.error("some orders were not delivered", metadata: ["failed": "\(outcome.failed)", "error": "\(error)"])
        }
        return outcome
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}

/// The delivery results of the batches in flight, shared by the sending tasks.
private final class Tally: Sendable {
    let outcome = Mutex(OrderSender.Outcome(acknowledged: 0, failed: 0, sendingSeconds: 0, firstError: nil))
}
