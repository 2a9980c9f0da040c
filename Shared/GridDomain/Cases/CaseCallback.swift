import Foundation

/// The call-back to a hotline caller before closing (回访).
public struct CaseCallback: Sendable, Hashable, Codable {
    /// The caller's rating.
    public let satisfaction: Satisfaction
    /// The agent's note.
    public let note: String?
    /// Who called back.
    public let calledBackBy: CaseActor
    /// When.
    public let calledBackAt: Date

    /// Creates a call-back record.
    public init(satisfaction: Satisfaction, note: String?, calledBackBy: CaseActor, calledBackAt: Date) {
        self.satisfaction = satisfaction
        self.note = note
        self.calledBackBy = calledBackBy
        self.calledBackAt = calledBackAt
    }
}
