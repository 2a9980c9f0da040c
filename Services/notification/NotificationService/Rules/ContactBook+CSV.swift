#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain

extension ContactBook {
    /// The columns of `contacts.csv`.
    public static let csvColumns = ["recipient", "channel", "address"]

    /// Reads `contacts.csv`: columns `recipient,channel,address[,name]`. `recipient` is a
    /// ``Recipient`` text form or `*` (the default contact); `channel` is `webhook` (address: an
    /// http or https URL) or `sink` (address: a mailbox name). Units must exist in `units`, places in
    /// `places`. Errors carry the line number.
    public init(csv text: String, file: String, places: PlaceHierarchy, units: UnitRegistry) throws(DataFileError) {
        let table = try CSVTable(text: text, file: file, requiredColumns: Self.csvColumns)
        var contacts: [Recipient: Contact] = [:]
        var lines: [String: Int] = [:]
        var fallback: Contact?
        for row in table.rows {
            let recipientText = try row.required("recipient")
            if let first = lines[recipientText] {
                throw row.error("recipient \(recipientText) appears twice (first on line \(first))")
            }
            lines[recipientText] = row.line
            let channelText = try row.required("channel")
            guard let channel = ChannelKind(rawValue: channelText), channel != .none else {
                throw row.error("unknown channel '\(channelText)'; use webhook or sink")
            }
            let address = try row.required("address")
            if channel == .webhook {
                guard let url = URL(string: address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                    url.host?.isEmpty == false
                else {
                    throw row.error("webhook address '\(address)' is not an http or https URL with a host")
                }
            }
            let contact = Contact(channel: channel, address: address, name: row["name"])
            if recipientText == "*" {
                fallback = contact
                continue
            }
            let recipient: Recipient
            do { recipient = try Recipient(parsing: recipientText, places: places) } catch { throw row.error(error.message) }
            if case .unit(let unit) = recipient, !units.contains(unit) {
                throw row.error("unknown unit \(unit) (not in the city's units.csv)")
            }
            contacts[recipient] = contact
        }
        self.init(contacts: contacts, fallback: fallback)
    }
}
