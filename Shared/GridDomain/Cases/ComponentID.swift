/// The 16-digit id of a managed city component (部件标识码, GB/T 30428.2 / CJ/T 214):
/// 6-digit administrative division + 2-digit 大类 + 2-digit 小类 + 6-digit serial number.
///
/// `3399010101000123` is component 000123 of 大类 01 (公用设施) 小类 01 (上水井盖) in division 339901;
/// its category is `C0101`.
public struct ComponentID: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The 16 digits.
    public let digits: String

    /// Parses and checks a component id.
    public init(_ text: String) throws(DomainCodeError) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
            throw DomainCodeError(
                kind: .component, value: text,
                reason: "expected 16 digits: 6-digit division + 2-digit 大类 + 2-digit 小类 + 6-digit serial")
        }
        let division = text.prefix(6)
        if division.hasPrefix("00") || division.hasSuffix("0000") {
            throw DomainCodeError(kind: .component, value: text, reason: "'\(division)' is not a city or district division code")
        }
        if bytes[6...7].elementsEqual("00".utf8) {
            throw DomainCodeError(kind: .component, value: text, reason: "大类 00 does not exist")
        }
        if bytes[8...9].elementsEqual("00".utf8) {
            throw DomainCodeError(kind: .component, value: text, reason: "小类 00 does not exist")
        }
        if bytes[10...].elementsEqual("000000".utf8) {
            throw DomainCodeError(kind: .component, value: text, reason: "serial number 000000 is not assigned")
        }
        self.digits = text
    }

    /// The 6-digit administrative division the component is registered in.
    public var divisionCode: String { String(digits.prefix(6)) }

    /// The 部件 小类 the component belongs to, e.g. `C0101`.
    public var category: CategoryCode {
        let chars = Array(digits)
        // Both pairs were checked to be digits in init.
        return try! CategoryCode(kind: .component, major: String(chars[6..<8]), minor: String(chars[8..<10]))
    }

    /// The 6-digit serial number within division and class.
    public var serial: String { String(digits.suffix(6)) }

    /// The 16 digits.
    public var description: String { digits }

    /// Orders by digits.
    public static func < (lhs: ComponentID, rhs: ComponentID) -> Bool { lhs.digits < rhs.digits }

    /// Decodes and validates the text form.
    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    /// Encodes the 16 digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
