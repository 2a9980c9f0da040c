#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The position after the last delivery of a page: its creation time (microseconds since 1970) and
/// id, written `<micros>_<uuid>`. Opaque to clients: they pass `nextCursor` back as `cursor`.
public struct DeliveryCursor: Sendable, Hashable, CustomStringConvertible {
    /// Microseconds since 1970 of the last row's `created_at`.
    public var createdAtMicroseconds: Int64
    /// The last row's id.
    public var id: UUID

    /// Creates a cursor.
    public init(createdAtMicroseconds: Int64, id: UUID) {
        self.createdAtMicroseconds = createdAtMicroseconds
        self.id = id
    }

    /// Parses the text form; `nil` when malformed.
    public init?(_ text: String) {
        let parts = text.split(separator: "_", omittingEmptySubsequences: false)
        guard parts.count == 2, let micros = Int64(parts[0]), let id = UUID(uuidString: String(parts[1])) else { return nil }
        self.init(createdAtMicroseconds: micros, id: id)
    }

    /// `<micros>_<uuid>`.
    public var description: String { "\(createdAtMicroseconds)_\(id.uuidString.lowercased())" }
}
