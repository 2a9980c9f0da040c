/// A Kafka record header: a name and optional bytes.
public struct KafkaHeader: Sendable, Hashable {
    /// The header name (not necessarily unique within a message).
    public var name: String
    /// The header value; `nil` for a null value.
    public var value: [UInt8]?

    /// Creates a header with raw bytes.
    public init(name: String, value: [UInt8]?) {
        self.name = name
        self.value = value
    }

    /// Creates a header whose value is the UTF-8 bytes of `value`.
    public init(name: String, string value: String) {
        self.init(name: name, value: Array(value.utf8))
    }
}
