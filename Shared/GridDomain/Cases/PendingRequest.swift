import Foundation

/// A request from the lead unit waiting for the shift lead's decision. While it is pending the case
/// stays `inDisposal` and the disposal clock keeps running.
public enum PendingRequest: Sendable, Hashable, Codable {
    /// 延期申请: more time asked for.
    case extensionRequest(TimeLimit, reason: String, requestedAt: Date)
    /// 挂账申请: parking asked for.
    case parkRequest(reason: String, requestedAt: Date)

    /// When the request was made.
    public var requestedAt: Date {
        switch self {
        case .extensionRequest(_, _, let at), .parkRequest(_, let at): at
        }
    }
}
