import Foundation
import GridDomain

/// A case as intake stores it: the replica (the domain `Case` with the masked report, exactly as the
/// other services replay it) and the placement fixed when it was opened.
struct StoredCase: Sendable, Hashable {
    /// The replica.
    var replica: Case
    /// The placement.
    var placement: CasePlacementV1

    /// The most precise place of the placement (grid, else community, street, district), if any.
    var place: PlaceCode? { placement.grid ?? placement.community ?? placement.street ?? placement.district }

    /// The replica as stored (`ContractJSON`).
    func replicaJSON() throws -> String {
        String(decoding: try ContractJSON.encode(replica), as: UTF8.self)
    }

    /// The placement as stored (`ContractJSON`).
    func placementJSON() throws -> String {
        String(decoding: try ContractJSON.encode(placement), as: UTF8.self)
    }

    /// Decodes a stored row.
    init(replicaJSON: String, placementJSON: String) throws {
        self.replica = try ContractJSON.decode(Case.self, from: Data(replicaJSON.utf8))
        self.placement = try ContractJSON.decode(CasePlacementV1.self, from: Data(placementJSON.utf8))
    }

    /// Wraps a replica and its placement.
    init(replica: Case, placement: CasePlacementV1) {
        self.replica = replica
        self.placement = placement
    }
}

/// The reporter's clear personal data and the unmasked description and address of a report (table
/// `reporters`): only intake keeps them, and shows them only to the roles entitled to them.
struct ReporterRecord: Sendable, Hashable {
    /// The case.
    var caseID: CaseID
    /// The reporter's name.
    var name: String?
    /// The reporter's phone number.
    var phone: String?
    /// The reporter's account.
    var accountID: String?
    /// Whether the reporter asked for confidentiality (保密).
    var confidential: Bool
    /// The description as reported.
    var details: String
    /// The address as reported.
    var address: String?

    /// The clear data of `report` for case `caseID`.
    init(caseID: CaseID, report: CaseReport) {
        self.caseID = caseID
        self.name = report.reporter.name?.unmaskedValue
        self.phone = report.reporter.phone?.unmaskedValue
        self.accountID = report.reporter.accountID
        self.confidential = report.reporter.confidential
        self.details = report.details
        self.address = report.location.address
    }

    /// A stored record.
    init(caseID: CaseID, name: String?, phone: String?, accountID: String?, confidential: Bool, details: String, address: String?) {
        self.caseID = caseID
        self.name = name
        self.phone = phone
        self.accountID = accountID
        self.confidential = confidential
        self.details = details
        self.address = address
    }
}
