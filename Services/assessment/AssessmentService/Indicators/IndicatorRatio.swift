public import Foundation

/// A ratio with its numerator and denominator, never NaN: a zero denominator gives no value and a
/// reason instead.
public struct IndicatorRatio: Sendable, Hashable {
    /// The ratio rounded half-up to ``fractionDigits`` decimal places; `nil` when the denominator is 0.
    public let value: Decimal?
    /// The numerator.
    public let numerator: Int
    /// The denominator.
    public let denominator: Int
    /// Why there is no value (`nil` when there is one).
    public let reason: String?

    /// Decimal places of ``value``: 4, so 0.9372 reads as 93.72%.
    public static let fractionDigits = 4

    /// The ratio `numerator / denominator`; `whenEmpty` explains a zero denominator.
    public init(numerator: Int, denominator: Int, whenEmpty: String) {
        self.numerator = numerator
        self.denominator = denominator
        guard denominator > 0 else {
            self.value = nil
            self.reason = whenEmpty
            return
        }
        let scale = 10_000  // 10^fractionDigits
        let scaled = (2 * numerator * scale + denominator) / (2 * denominator)
        self.value = Decimal(sign: scaled < 0 ? .minus : .plus, exponent: -Self.fractionDigits, significand: Decimal(abs(scaled)))
        self.reason = nil
    }
}
