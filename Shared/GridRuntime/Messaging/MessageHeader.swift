/// One Kafka record header: a name and an optional byte value.
public struct MessageHeader: Sendable, Hashable {
    /// The header name (Kafka allows repeated names; CloudEvents headers are unique).
    public var name: String
    /// The header value; `nil` is a header without value.
    public var value: [UInt8]?

    /// A header with raw bytes.
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// A header whose value is the UTF-8 encoding of `text`.
    public init(name: String, text: String) {
        self.name = name
        self.value = Array(text.utf8)
    }

    /// The value decoded as UTF-8, or `nil` when absent or not valid UTF-8.
    public var text: String? {
        guard let value else { return nil }
        return String(validating: value, as: UTF8.self)
    }
}

extension Array where Element == MessageHeader {
    /// The text value of the first header called `name` (header names compare case-sensitively, as in Kafka).
    public func text(named name: String) -> String? {
        first { $0.name == name }?.text
    }
}
