import Foundation
import GridDomain

/// Column arrays of a list of cases, for `unnest`.
struct CaseColumns {
    var ids: [UUID] = [], numbers: [String] = [], states: [String] = [], categories: [String] = []
    var urgencies: [String] = [], channels: [String] = [], places: [String] = [], grids: [String] = []
    var communities: [String] = [], streets: [String] = [], districts: [String] = [], areaClasses: [String] = []
    var accounts: [String] = [], references: [String] = [], reportedAt: [Date] = [], openedAt: [Date] = []
    var updatedAt: [Date] = [], lastSequences: [Int] = [], replicas: [String] = [], placements: [String] = []

    init(_ cases: [StoredCase]) throws {
        for stored in cases {
            let replica = stored.replica
            let placement = stored.placement
            ids.append(replica.id.rawValue)
            numbers.append(replica.number.rawValue)
            states.append(replica.state.rawValue)
            categories.append(replica.category?.description ?? "")
            urgencies.append(replica.urgency.rawValue)
            channels.append(replica.report.channel.rawValue)
            places.append(stored.place?.digits ?? "")
            grids.append(placement.grid?.digits ?? "")
            communities.append(placement.community?.digits ?? "")
            streets.append(placement.street?.digits ?? "")
            districts.append(placement.district?.digits ?? "")
            areaClasses.append(placement.areaClass?.rawValue ?? "")
            accounts.append(replica.report.reporter.accountID ?? "")
            references.append(replica.report.externalReference ?? "")
            reportedAt.append(replica.report.reportedAt)
            openedAt.append(replica.openedAt)
            updatedAt.append(replica.updatedAt)
            lastSequences.append(replica.lastSequence)
            replicas.append(try stored.replicaJSON())
            placements.append(try stored.placementJSON())
        }
    }
}
