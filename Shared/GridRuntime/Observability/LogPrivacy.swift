public import GridDomain

/// How log handlers protect personal data (phones, names, ID numbers) of callers and residents.
///
/// Three layers, all applied by ``JSONLogHandler`` and ``TextLogHandler``:
/// 1. values marked personal with `Logger.MetadataValue.personal(_:as:)` are always masked;
/// 2. metadata whose key is in ``personalKeys`` is masked as the given kind, even when passed as a
///    plain string;
/// 3. with ``masksFreeText``, phone and ID numbers inside the message and string metadata are masked.
public struct LogPrivacy: Sendable, Hashable {
    /// Metadata keys that always hold personal data, and what kind.
    public var personalKeys: [String: PersonalData.Kind]
    /// Scan messages and string metadata for phone and ID numbers.
    public var masksFreeText: Bool

    /// Creates a policy.
    public init(personalKeys: [String: PersonalData.Kind] = LogPrivacy.standardPersonalKeys, masksFreeText: Bool = true) {
        self.personalKeys = personalKeys
        self.masksFreeText = masksFreeText
    }

    /// The project's conventional personal metadata keys.
    public static let standardPersonalKeys: [String: PersonalData.Kind] = [
        "phone": .phone, "caller_phone": .phone, "reporter_phone": .phone, "contact_phone": .phone,
        "caller_name": .name, "reporter_name": .name, "contact_name": .name, "display_name": .name,
        "id_number": .idNumber, "address": .freeText, "content": .freeText,
    ]

    /// The default policy: standard keys and free-text scanning.
    public static let standard = LogPrivacy()

    /// Masks a metadata value found under `key`.
    func protect(_ value: String, key: String) -> String {
        if let kind = personalKeys[key] { return PersonalData(value, kind: kind).masked }
        return masksFreeText ? Masking.freeText(value) : value
    }
}
