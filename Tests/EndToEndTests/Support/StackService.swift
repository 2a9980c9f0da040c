import Foundation

/// One of the five GridLoop services as `scripts/dev` runs it: executable name and HTTP port offset.
enum StackService: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case intake
    case routing
    case slaMonitor = "sla-monitor"
    case notification
    case assessment

    /// The executable and `scripts/dev` name (`sla-monitor`).
    var name: String { self.rawValue }

    /// The offset from the stack's HTTP base port (`scripts/lib/services.sh`): intake 0 … assessment 4.
    var portOffset: Int {
        switch self {
        case .intake: 0
        case .routing: 1
        case .slaMonitor: 2
        case .notification: 3
        case .assessment: 4
        }
    }

    /// The service's database role and schema (`sla_monitor`).
    var schema: String { self.rawValue.replacingOccurrences(of: "-", with: "_") }

    var description: String { self.rawValue }
}
