import Foundation

extension HotlineWorkOrderV1 {
    /// The case report for this order, after `validate()`:
    ///
    /// | work order | case report |
    /// |---|---|
    /// | `channel` | `channel` (`12345` / `12319`) |
    /// | `caller` | `reporter`: name and phone as personal data, `confidential` (default false) |
    /// | `receivedAt` | `reportedAt` |
    /// | `location` | `location`: point, place code and address |
    /// | `category`, `urgency` (default `normal`) | `category`, `urgency` |
    /// | `title`, `content` | `details`: `【title】content`, or the content alone |
    /// | `attachments`, `componentId` | `attachments`, `componentID` |
    /// | `orderNumber` | `externalReference` |
    ///
    /// The request type, the proposed assignment, the hotline's limits and the order's history are
    /// kept by intake with the order; they are not part of a report.
    public func caseReport() throws(ContractValidationError) -> CaseReport {
        try validate()
        guard let channel, let receivedAt, let content, let location else {
            // validate() reported these as missing; unreachable for a validated order.
            throw ContractValidationError(subject: subject, field: "", code: .missing, message: "required fields are missing")
        }
        do throws(CaseDataError) {
            let reporter = Reporter(
                name: caller?.name.map(PersonalData.name), phone: caller?.phone.map(PersonalData.phone), accountID: nil,
                confidential: caller?.confidential ?? false)
            return try CaseReport(
                channel: channel.caseChannel, reporter: reporter, reportedAt: receivedAt,
                location: location.caseLocation(),
                category: category, urgency: urgency ?? .normal, details: Self.details(title: title, content: content),
                attachments: (attachments ?? []).compactMap(Self.httpURL), componentID: componentId,
                externalReference: orderNumber)
        } catch {
            throw ContractValidationError(subject: subject, field: error.field, code: .inconsistent, message: error.description)
        }
    }
}
