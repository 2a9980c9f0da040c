import Foundation
import GridDomain
import GridRuntime
import Logging

extension IntakeDesk {
    /// Opens the cases of consumed work orders or alerts inside `transaction` (one statement per
    /// table for the whole list). An order number or alert id already accepted is ignored.
    /// - Throws: The first refusal — the message's `ContractValidationError`, or a ``LocationError``
    ///   (outside the city, unknown place) — so the inbox isolates and dead-letters that message and
    ///   the others are processed without it.
    func openInbound(_ reports: [InboundReport], in transaction: OutboxTransaction) async throws {
        var newReports: [NewReport] = []
        newReports.reserveCapacity(reports.count)
        for report in reports {
            switch report.result {
            case .success(let new): newReports.append(new)
            case .failure(let error):
                metrics.rejected(reason: "invalid")
                logger.notice(
                    "inbound message refused",
                    metadata: [
                        "topic": "\(report.message.topic)", "partition": "\(report.message.partition)",
                        "offset": "\(report.message.offset)", "problems": "\(error.problems.count)", "subject": "\(error.subject)",
                    ])
                throw error
            }
        }
        let outcomes = try await open(newReports, in: transaction, at: Timestamps.now())
        var duplicates = 0
        for outcome in outcomes {
            switch outcome {
            case .opened: break
            case .duplicate: duplicates += 1
            case .refused(let error): throw error
            }
        }
        if duplicates > 0, let topic = reports.first?.message.topic { metrics.duplicateInbound(topic: topic, count: duplicates) }
    }
}
