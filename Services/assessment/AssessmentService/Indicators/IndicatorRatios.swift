/// The ratios of one group of an indicator report.
public struct IndicatorRatios: Sendable, Hashable {
    /// 结案率 = 结案数 / 应结案数.
    public var closingRate: IndicatorRatio
    /// 按期结案率 = 按期结案数 / 应结案数.
    public var onTimeClosingRate: IndicatorRatio
    /// 返工率 = cases that failed a check and went back to the same unit / cases first disposed.
    public var reworkRate: IndicatorRatio
    /// 立案准确率 = 准确立案数 / 立案数.
    public var accurateFilingRate: IndicatorRatio

    /// Creates the ratios.
    public init(closingRate: IndicatorRatio, onTimeClosingRate: IndicatorRatio, reworkRate: IndicatorRatio, accurateFilingRate: IndicatorRatio) {
        self.closingRate = closingRate
        self.onTimeClosingRate = onTimeClosingRate
        self.reworkRate = reworkRate
        self.accurateFilingRate = accurateFilingRate
    }
}
