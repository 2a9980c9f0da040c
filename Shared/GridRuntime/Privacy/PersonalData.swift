public import Logging

/// A personal value (phone, name, ID number, free text) marked for masking. Its `description` is
/// already the masked form, so it stays masked in any log handler, string interpolation or error.
///
/// ```swift
/// logger.info("hotline order received", metadata: [
///     "caller_phone": .personal(order.callerPhone, as: .phone),
///     "caller_name": .personal(order.callerName, as: .name),
/// ])
/// ```
public struct PersonalData: Sendable, Hashable, CustomStringConvertible {
    /// What kind of personal data this is; decides how it is masked.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A phone number.
        case phone
        /// A person's name.
        case name
        /// An identity document number.
        case idNumber = "id_number"
        /// Text that may contain phone or ID numbers.
        case freeText = "free_text"
    }

    /// The kind.
    public let kind: Kind
    private let value: String

    /// Marks `value` as personal data of `kind`.
    public init(_ value: String, kind: Kind) {
        self.value = value
        self.kind = kind
    }

    /// The masked form.
    public var masked: String { Privacy.mask(value, as: kind) }

    /// The masked form; the raw value is never printed.
    public var description: String { masked }
}

extension Logger.MetadataValue {
    /// A metadata value marked as personal data; log handlers print it masked.
    public static func personal(_ value: String, as kind: PersonalData.Kind) -> Logger.MetadataValue {
        .stringConvertible(PersonalData(value, kind: kind))
    }
}
