extension String {
    /// The text in a NUL-terminated C buffer that librdkafka filled in (e.g. an `errstr` buffer).
    init(cBuffer buffer: [CChar]) {
        let bytes = buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
