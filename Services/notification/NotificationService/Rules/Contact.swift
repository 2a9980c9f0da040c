/// Where and how a recipient is reached: one row of the city's `contacts.csv`.
public struct Contact: Sendable, Hashable {
    /// The channel.
    public let channel: ChannelKind
    /// For ``ChannelKind/webhook``, the http(s) URL to POST to; for ``ChannelKind/sink``, the mailbox name.
    public let address: String
    /// A display name for the recipient (centres and desks; units take their name from `units.csv`).
    public let name: String?

    /// Creates a contact.
    public init(channel: ChannelKind, address: String, name: String? = nil) {
        self.channel = channel
        self.address = address
        self.name = name
    }
}
