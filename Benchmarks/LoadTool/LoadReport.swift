import Foundation
import Histogram

/// The outcome of a run: per stage, how many orders reached it, the throughput, and latency percentiles (recorded in
/// an HdrHistogram in microseconds, three significant digits); how many never reached it before the timeout.
struct LoadReport: Sendable {
    /// One stage's figures.
    struct StageFigures: Sendable, Codable {
        var stage: Stage
        var reached: Int
        var missing: Int
        /// Orders that reached the stage per second, from the first order sent to the last arrival at the stage.
        var throughputPerSecond: Double
        var p50Milliseconds: Double
        var p90Milliseconds: Double
        var p99Milliseconds: Double
        var maxMilliseconds: Double
    }

    var runID: String
    var orders: Int
    var rate: Double
    var sending: OrderSender.Outcome
    var stages: [StageFigures]
    var awaited: [Stage]
    var timedOut: Bool
    var timeout: Double
    var manualDispatch: Int
    var verificationRequested: Int
    var notificationError: String?
    var date = Date()

    init(
        runID: String, orders: Int, rate: Double, sending: OrderSender.Outcome, ledger: OrderLedger.Snapshot,
        awaited: [Stage], timedOut: Bool, timeout: Double, notificationError: String?
    ) {
        self.runID = runID
        self.orders = orders
        self.rate = rate
        self.sending = sending
        self.awaited = awaited
        self.timedOut = timedOut
        self.timeout = timeout
        self.manualDispatch = ledger.manualDispatch
        self.verificationRequested = ledger.verificationRequested
        self.notificationError = notificationError
        let firstSent = ledger.entries.compactMap(\.sentAt).min()
        let measured = Stage.allCases.filter { $0 != .notified || awaited.contains(.notified) }
        self.stages = measured.map { stage in
            var histogram = Histogram<UInt64>(highestTrackableValue: 3_600_000_000, numberOfSignificantValueDigits: .three)
            var last: Date?
            var reached = 0
            for entry in ledger.entries {
                guard let sentAt = entry.sentAt, let at = entry.reached[stage] else { continue }
                reached += 1
                last = max(last ?? at, at)
                _ = histogram.record(UInt64(max(0, at.timeIntervalSince(sentAt)) * 1_000_000))
            }
            let span = (last ?? firstSent ?? Date()).timeIntervalSince(firstSent ?? Date())
            func milliseconds(_ percentile: Double) -> Double {
                reached == 0 ? 0 : Double(histogram.valueAtPercentile(percentile)) / 1000
            }
            return StageFigures(
                stage: stage, reached: reached, missing: orders - reached,
                throughputPerSecond: span > 0 ? Double(reached) / span : 0,
                p50Milliseconds: milliseconds(50), p90Milliseconds: milliseconds(90),
                p99Milliseconds: milliseconds(99), maxMilliseconds: reached == 0 ? 0 : Double(histogram.max) / 1000)
        }
    }

    /// The report as readable text.
    var text: String {
        var lines: [String] = []
        let achieved = self.sending.sendingSeconds > 0 ? Double(self.orders) / self.sending.sendingSeconds : 0
        lines.append(
            "gridloop-load run \(self.runID): \(self.orders) hotline work orders at \(Self.number(self.rate))/s "
                + "(sent in \(String(format: "%.1f", self.sending.sendingSeconds)) s, \(Self.number(achieved))/s; "
                + "acknowledged \(self.sending.acknowledged), failed \(self.sending.failed))")
        lines.append("")
        lines.append(Self.row(["stage", "reached", "missing", "orders/s", "p50 ms", "p90 ms", "p99 ms", "max ms"]))
        for figures in self.stages {
            lines.append(
                Self.row([
                    figures.stage.rawValue, "\(figures.reached)", "\(figures.missing)", Self.number(figures.throughputPerSecond),
                    Self.number(figures.p50Milliseconds), Self.number(figures.p90Milliseconds),
                    Self.number(figures.p99Milliseconds), Self.number(figures.maxMilliseconds),
                ]))
        }
        lines.append("")
        let missing = self.stages.filter { $0.missing > 0 }.map { "\($0.stage.rawValue) \($0.missing)" }
        if missing.isEmpty {
            lines.append("every order reached every stage")
        } else {
            lines.append(
                "not reached \(self.timedOut ? "within \(Self.number(self.timeout)) s after the last order" : "yet"): "
                    + missing.joined(separator: ", "))
        }
        if self.manualDispatch > 0 { lines.append("manual dispatch required (权责清单 named no unit): \(self.manualDispatch) cases") }
        if self.verificationRequested > 0 { lines.append("sent to on-site verification: \(self.verificationRequested) cases") }
        if let error = self.sending.firstError { lines.append("first delivery error: \(error)") }
        if let error = self.notificationError { lines.append("notification database: \(error)") }
        return lines.joined(separator: "\n")
    }

    /// The report as JSON (for `--json` and `Benchmarks/results/`).
    func json() throws -> Data {
        struct Document: Codable {
            var runID: String
            var date: Date
            var orders: Int
            var rate: Double
            var sending: OrderSender.Outcome
            var stages: [StageFigures]
            var timedOut: Bool
            var timeoutSeconds: Double
            var manualDispatch: Int
            var verificationRequested: Int
            var notificationError: String?
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return try encoder.encode(
            Document(
                runID: self.runID, date: self.date, orders: self.orders, rate: self.rate, sending: self.sending,
                stages: self.stages, timedOut: self.timedOut, timeoutSeconds: self.timeout,
                manualDispatch: self.manualDispatch, verificationRequested: self.verificationRequested,
                notificationError: self.notificationError))
    }

    private static func row(_ cells: [String]) -> String {
        cells.enumerated().map { index, cell in
            index == 0 ? cell.padding(toLength: 11, withPad: " ", startingAt: 0) : String(repeating: " ", count: max(0, 9 - cell.count)) + cell
        }.joined(separator: " ")
    }

    private static func number(_ value: Double) -> String {
        value >= 100 || value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.1f", value)
    }
}
