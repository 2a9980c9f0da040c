import Foundation
import GridDomain

/// The `cases` row form of a case the monitor has applied events to.
enum StoredCaseRow {
    /// Column arrays of cases to upsert in one statement.
    struct Columns {
        var ids: [UUID] = []
        var numbers: [String] = []
        var sequences: [Int] = []
        var snapshots: [String] = []
        var places: [String] = []
        var districts: [String] = []

        var isEmpty: Bool { ids.isEmpty }

        mutating func append(caseID: CaseID, lastSequence: Int, snapshot: CaseSnapshotV1) throws {
            ids.append(caseID.rawValue)
            numbers.append(snapshot.caseNumber.description)
            sequences.append(lastSequence)
            snapshots.append(try StoredJSON.text(snapshot))
            let placement = snapshot.placement
            places.append((placement.grid ?? placement.community ?? placement.street ?? placement.district)?.digits ?? "")
            districts.append(placement.district?.digits ?? "")
        }
    }
}
