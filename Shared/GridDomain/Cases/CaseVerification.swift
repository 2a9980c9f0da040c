import Foundation

/// The outcome of an on-site verification (核实).
public struct CaseVerification: Sendable, Hashable, Codable {
    /// True when the problem was found as reported.
    public let confirmed: Bool
    /// The verifier's note.
    public let note: String?
    /// Who verified.
    public let verifiedBy: CaseActor
    /// When the verification was reported.
    public let verifiedAt: Date

    /// Creates a verification record.
    public init(confirmed: Bool, note: String?, verifiedBy: CaseActor, verifiedAt: Date) {
        self.confirmed = confirmed
        self.note = note
        self.verifiedBy = verifiedBy
        self.verifiedAt = verifiedAt
    }
}
