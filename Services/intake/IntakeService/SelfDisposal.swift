import Foundation

/// A grid worker's on-the-spot disposal of the problem they report (自行处置): what was done and
/// the photos after; the case goes straight from `reported` to `closed`.
struct SelfDisposal: Sendable, Hashable {
    /// What was done.
    var note: String
    /// Photos after disposal (http(s) URLs).
    var attachments: [URL]
}
