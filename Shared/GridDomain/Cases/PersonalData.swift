/// A piece of personal information (a caller's name, phone number, ID number…) that never prints in
/// clear: its `description`, `debugDescription`, string interpolation, `dump` and log metadata built
/// from it (`.stringConvertible`) all show the masked form (`138****5678`, `张*`).
///
/// The clear value is only reachable through `unmaskedValue`, a name that is easy to find in review.
/// The `Codable` form carries the clear value (`{"kind": "phone", "value": "13812345678"}`) because
/// services must store it; never log encoded cases or events.
public struct PersonalData: Sendable, Hashable, Codable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// What kind of personal information this is; it decides the masking.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        /// A person's name: first character visible.
        case name
        /// A phone number: first 3 and last 4 digits visible.
        case phone
        /// An identity-document number: first 3 and last 4 characters visible.
        case idNumber = "id_number"
        /// An e-mail address: first character and domain visible.
        case email
        /// A home or contact address: the first 6 characters visible.
        case address
        /// Text that may contain phone or ID numbers (complaint content): those numbers are masked.
        case freeText = "free_text"
        /// Anything else: fully hidden.
        case other
    }

    /// What kind of personal information this is.
    public let kind: Kind
    private let value: String

    /// Wraps a personal value of the given kind.
    public init(_ value: String, kind: Kind) {
        self.kind = kind
        self.value = value
    }

    /// A person's name.
    public static func name(_ value: String) -> PersonalData { PersonalData(value, kind: .name) }
    /// A phone number.
    public static func phone(_ value: String) -> PersonalData { PersonalData(value, kind: .phone) }
    /// An identity-document number.
    public static func idNumber(_ value: String) -> PersonalData { PersonalData(value, kind: .idNumber) }
    /// An e-mail address.
    public static func email(_ value: String) -> PersonalData { PersonalData(value, kind: .email) }
    /// A contact address.
    public static func address(_ value: String) -> PersonalData { PersonalData(value, kind: .address) }

    /// The clear value, for storage and for the people entitled to see it (e.g. the disposal unit
    /// that must call the reporter back). Never log it.
    public var unmaskedValue: String { value }

    /// The masked form, safe for logs and notifications.
    public var masked: String {
        switch kind {
        case .name: Masking.name(value)
        case .phone: Masking.phone(value)
        case .idNumber: Masking.idNumber(value)
        case .email: Masking.email(value)
        case .address: Masking.address(value)
        case .freeText: Masking.freeText(value)
        case .other: Masking.redacted(value)
        }
    }

    /// The masked form.
    public var description: String { masked }

    /// `PersonalData(phone: 138****5678)`.
    public var debugDescription: String { "PersonalData(\(kind.rawValue): \(masked))" }

    /// A mirror that exposes only the kind and the masked form, so `dump` and reflection do not leak.
    public var customMirror: Mirror {
        Mirror(self, children: ["kind": kind, "masked": masked], displayStyle: .struct)
    }

    private enum CodingKeys: String, CodingKey { case kind, value }
}
