public import GridDomain

/// The contacts of a city's recipients (`contacts.csv`), with the lookup rules:
///
/// - a unit or a reporter channel uses its own row;
/// - a centre or a dispatch desk uses the row of its place or, when there is none, of the nearest
///   enclosing place that has one (a street's red card reaches the district centre when the street has
///   no centre of its own);
/// - units, centres and desks without a row use the default row (`*`) when there is one; reporters
///   never do: a channel without a `reporter:<channel>` row has no one to tell.
public struct ContactBook: Sendable {
    /// The rows by recipient.
    public let contacts: [Recipient: Contact]
    /// The contact of recipients without a row of their own (`*`), if any.
    public let fallback: Contact?

    /// Creates a book.
    public init(contacts: [Recipient: Contact], fallback: Contact?) {
        self.contacts = contacts
        self.fallback = fallback
    }

    /// The recipient whose row is used for `recipient` and its contact, or `nil` when none applies.
    /// For centres and desks the returned recipient is the place actually reached.
    public func resolve(_ recipient: Recipient, places: PlaceHierarchy) -> (recipient: Recipient, contact: Contact)? {
        if let contact = contacts[recipient] { return (recipient, contact) }
        switch recipient {
        case .centre(let place):
            for ancestor in places.ancestors(of: place) {
                if let contact = contacts[.centre(ancestor)] { return (.centre(ancestor), contact) }
            }
        case .dispatchDesk(let place):
            for ancestor in places.ancestors(of: place) {
                if let contact = contacts[.dispatchDesk(ancestor)] { return (.dispatchDesk(ancestor), contact) }
            }
        case .reporter:
            return nil
        case .unit:
            break
        }
        return fallback.map { (recipient, $0) }
    }

    /// True when the book has a row for reporters of `channel`.
    public func reachesReporters(of channel: CaseChannel) -> Bool {
        contacts[.reporter(channel)] != nil
    }
}
