extension Duration {
    /// The duration in whole milliseconds (rounded down, at least 0), as librdkafka's `*.ms` settings want.
    var wholeMilliseconds: Int {
        let (seconds, attoseconds) = self.components
        return max(0, Int(seconds) * 1000 + Int(attoseconds / 1_000_000_000_000_000))
    }

    /// The duration as a librdkafka `*.ms` property value.
    var millisecondsProperty: String { String(self.wholeMilliseconds) }

    /// The duration as a librdkafka `timeout_ms` argument.
    var timeoutMilliseconds: Int32 { Int32(clamping: self.wholeMilliseconds) }
}
