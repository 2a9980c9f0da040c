/// An open-addressing hash table from non-negative `Int64` keys to `Int32` values, built once and then
/// only read: the resolver's hot lookups (grid codes, buckets, local units) without `Dictionary`'s
/// per-lookup hashing cost.
struct IntegerTable: Sendable {
    /// A key and its value side by side, so a probe touches one cache line.
    private struct Entry {
        var key: Int64
        var value: Int32
    }

    private let entries: [Entry]
    private let shift: UInt64

    /// Builds a table; later pairs with an existing key replace its value.
    init(_ pairs: some Collection<(key: Int64, value: Int32)>) {
        var bits: UInt64 = 3
        while (1 << bits) < pairs.count * 2 { bits += 1 }
        let capacity = 1 << Int(bits)
        var entries = [Entry](repeating: Entry(key: -1, value: 0), count: capacity)
        let shift = 64 - bits
        for (key, value) in pairs {
            precondition(key >= 0, "IntegerTable keys are non-negative")
            var slot = Self.slot(key, shift)
            while entries[slot].key != -1 && entries[slot].key != key { slot = (slot + 1) & (capacity - 1) }
            entries[slot] = Entry(key: key, value: value)
        }
        self.entries = entries
        self.shift = shift
    }

    /// The value for `key`, or `nil`.
    @inline(__always)
    subscript(key: Int64) -> Int32? {
        let mask = entries.count - 1
        var slot = Self.slot(key, shift)
        while true {
            let entry = entries[slot]
            if entry.key == key { return entry.value }
            if entry.key == -1 { return nil }
            slot = (slot + 1) & mask
        }
    }

    @inline(__always)
    private static func slot(_ key: Int64, _ shift: UInt64) -> Int {
        // Fibonacci hashing: the top bits of key × 2⁶⁴/φ.
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }
}

extension PlaceCode {
    /// The code's digits as a number (all place codes have at most 15 digits).
    @inline(__always)
    var numericValue: Int64 {
        var value: Int64 = 0
        for byte in digits.utf8 { value = value &* 10 &+ Int64(byte &- 48) }
        return value
    }
}

extension CategoryCode {
    /// A dense number for the code, below `CategoryCode.numericLimit`: kind, 大类 and 小类 (a 大类 itself
    /// counts as 小类 100, after 00–99).
    @inline(__always)
    var numericValue: Int {
        let kindIndex: Int = switch kind {
        case .component: 0
        case .event: 1
        case .social: 2
        }
        var majorValue = 0
        for byte in major.utf8 { majorValue = majorValue * 10 + Int(byte &- 48) }
        var minorValue = 100
        if let minor {
            minorValue = 0
            for byte in minor.utf8 { minorValue = minorValue * 10 + Int(byte &- 48) }
        }
        return (kindIndex * 100 + majorValue) * 101 + minorValue
    }

    /// One more than the largest `numericValue`.
    static let numericLimit = 3 * 100 * 101
}
