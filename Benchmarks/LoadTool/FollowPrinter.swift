import Foundation
import Synchronization

/// `--follow`: one readable line per lifecycle event of the run's orders, e.g.
/// `+2.314s  LOAD-QWERTY-000001  339901-20250312-000001  dispatched → D339901-SANITATION  (gridloop.case.dispatched.v1)`.
final class FollowPrinter: Sendable {
    private let start = Date()
    private let caseNumbers = Mutex<[String: String]>([:])

    /// Prints one event.
    func print(orderNumber: String, caseId: String, caseNumber: String?, type: String, data: [UInt8]) {
        let number = self.caseNumbers.withLock { numbers in
            if let caseNumber { numbers[caseId] = caseNumber }
            return numbers[caseId] ?? ""
        }
        let elapsed = String(format: "+%.3fs", Date().timeIntervalSince(self.start))
        let line = "\(elapsed)  \(orderNumber)  case \(caseId) \(number)  \(Self.describe(type: type, data: data))  (\(type))\n"
        FileHandle.standardOutput.write(Data(line.utf8))
    }

    /// The step in words, with the state it led to and, for dispatches, the unit.
    static func describe(type: String, data: [UInt8]) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(data))) as? [String: Any] ?? [:]
        let snapshot = object["snapshot"] as? [String: Any] ?? [:]
        let state = snapshot["state"] as? String ?? "?"
        var words = type.replacingOccurrences(of: "gridloop.", with: "").replacingOccurrences(of: ".v1", with: "")
        words += " → \(state)"
        if let lead = snapshot["leadUnit"] as? String, type.contains("dispatched") { words += " (lead \(lead))" }
        if let card = object["card"] as? String, let stage = object["stage"] as? String { words = "\(card) card for \(stage)" }
        if let reason = object["reason"] as? String, type.contains("manual-required") { words = "manual dispatch required: \(reason)" }
        return words
    }
}
