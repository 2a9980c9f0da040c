/// A W3C Trace Context (`traceparent` and optional `tracestate`), carried in the Kafka headers of the
/// same names so that tracing tools following the W3C/OpenTelemetry messaging conventions see it.
public struct TraceContext: Sendable, Hashable {
    /// `version-traceid-parentid-flags`, e.g. `00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01`.
    public let traceParent: String
    /// Vendor-specific trace state, a comma-separated list of `key=value` (passed through unchanged).
    public var traceState: String?

    /// Validates `traceParent` against the W3C `traceparent` format (version `00`: 2-32-16-2 lower-case
    /// hex fields, trace and parent ids not all zero; later versions may append fields).
    /// - Returns: `nil` when `traceParent` is malformed; W3C says to start a new trace then.
    public init?(traceParent: String, traceState: String? = nil) {
        let fields = traceParent.split(separator: "-", omittingEmptySubsequences: false)
        guard fields.count >= 4 else { return nil }
        let expectedLengths = [2, 32, 16, 2]
        for (field, length) in zip(fields, expectedLengths) {
            guard field.utf8.count == length, field.utf8.allSatisfy(Self.isLowerHex) else { return nil }
        }
        guard fields[0] != "ff", fields[0] != "00" || fields.count == 4 else { return nil }
        guard fields[1].utf8.contains(where: { $0 != UInt8(ascii: "0") }),
            fields[2].utf8.contains(where: { $0 != UInt8(ascii: "0") })
        else { return nil }
        self.traceParent = traceParent
        self.traceState = traceState
    }

    /// The 32-hex-digit trace id.
    public var traceID: Substring { traceParent.split(separator: "-")[1] }

    private static func isLowerHex(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
    }
}
