public import GridDomain
public import Logging

extension Logger.MetadataValue {
    /// A metadata value marked as personal data; it prints masked in every log handler.
    ///
    /// ```swift
    /// logger.info("hotline order received", metadata: [
    ///     "caller_phone": .personal(order.callerPhone, as: .phone),
    ///     "caller_name": .personal(order.callerName, as: .name),
    /// ])
    /// ```
    public static func personal(_ value: String, as kind: PersonalData.Kind) -> Logger.MetadataValue {
        .stringConvertible(PersonalData(value, kind: kind))
    }
}
