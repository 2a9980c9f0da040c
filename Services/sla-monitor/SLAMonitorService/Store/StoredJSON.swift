import Foundation
import GridDomain

/// How the monitor stores JSON columns: snapshots in the contract form (`ContractJSON`), stage clocks
/// with Foundation's default date form (exact round trips of the instants they hold).
enum StoredJSON {
    /// A stored timestamp column's "no value", as bound in arrays (PostgresNIO binds no optional
    /// array elements): the Unix epoch, turned back into NULL with `NULLIF(…, 'epoch')`.
    static let noDate = Date(timeIntervalSince1970: 0)

    static func text(_ snapshot: CaseSnapshotV1) throws -> String {
        String(decoding: try ContractJSON.encode(snapshot), as: UTF8.self)
    }

    static func snapshot(_ text: String) throws -> CaseSnapshotV1 {
        try ContractJSON.decode(CaseSnapshotV1.self, from: Data(text.utf8))
    }

    static func text(_ clock: StageClock) throws -> String {
        String(decoding: try JSONEncoder().encode(clock), as: UTF8.self)
    }

    static func clock(_ text: String) throws -> StageClock {
        try JSONDecoder().decode(StageClock.self, from: Data(text.utf8))
    }

    static func text(_ limits: [TimeLimitV1]) throws -> String {
        String(decoding: try ContractJSON.encode(limits), as: UTF8.self)
    }
}
