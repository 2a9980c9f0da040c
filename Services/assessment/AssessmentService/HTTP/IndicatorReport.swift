import Foundation
import GridDomain

/// The body of `GET /v1/indicators`.
struct IndicatorReport: Encodable, Sendable {
    /// The filters applied besides the caller's place scope.
    struct Filters: Encodable, Sendable {
        var district: String?
        var street: String?
        var category: String?

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(district, forKey: .district)
            try container.encode(street, forKey: .street)
            try container.encode(category, forKey: .category)
        }

        private enum CodingKeys: String, CodingKey { case district, street, category }
    }

    /// A ratio: `{"value": 0.9372, "numerator": 911, "denominator": 972}`, or a `null` value with a
    /// reason when the denominator is 0.
    struct Ratio: Encodable, Sendable {
        var ratio: IndicatorRatio

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ratio.value, forKey: .value)
            try container.encode(ratio.numerator, forKey: .numerator)
            try container.encode(ratio.denominator, forKey: .denominator)
            try container.encodeIfPresent(ratio.reason, forKey: .reason)
        }

        private enum CodingKeys: String, CodingKey { case value, numerator, denominator, reason }
    }

    /// The counts of a group.
    struct Counts: Encodable, Sendable {
        var filed: Int
        var voided: Int
        var accuratelyFiled: Int
        var duplicates: Int
        var dueForClosing: Int
        var disposed: Int
        var overdueUndisposed: Int
        var closed: Int
        var closedOnTime: Int
        var parkedExcluded: Int
        var closedInPeriod: Int
        var selfDisposed: Int
        var disposedInPeriod: Int
        var reworked: Int
        var disposedLate: Int
        var redCards: Int
        var yellowCards: Int

        init(_ counts: IndicatorCounts, cards: CardCounts) {
            filed = counts.filed
            voided = counts.voided
            accuratelyFiled = counts.accuratelyFiled
            duplicates = counts.duplicates
            dueForClosing = counts.dueForClosing
            disposed = counts.disposed
            overdueUndisposed = counts.overdueUndisposed
            closed = counts.closed
            closedOnTime = counts.closedOnTime
            parkedExcluded = counts.parkedExcluded
            closedInPeriod = counts.closedInPeriod
            selfDisposed = counts.selfDisposed
            disposedInPeriod = counts.disposedInPeriod
            reworked = counts.reworked
            disposedLate = counts.disposedLate
            redCards = cards.redTotal
            yellowCards = cards.yellowTotal
        }
    }

    /// The ratios of a group.
    struct Ratios: Encodable, Sendable {
        var closingRate: Ratio
        var onTimeClosingRate: Ratio
        var reworkRate: Ratio
        var accurateFilingRate: Ratio

        init(_ ratios: IndicatorRatios) {
            closingRate = Ratio(ratio: ratios.closingRate)
            onTimeClosingRate = Ratio(ratio: ratios.onTimeClosingRate)
            reworkRate = Ratio(ratio: ratios.reworkRate)
            accurateFilingRate = Ratio(ratio: ratios.accurateFilingRate)
        }
    }

    /// One group (or the total).
    struct Group: Encodable, Sendable {
        /// The unit id, district or street code; `null` for cases without one (not dispatched, not located).
        var key: String?
        /// The unit's or place's name, or a description of the `null` group; `null` when unknown.
        var name: String?
        var counts: Counts
        var ratios: Ratios
        /// Red cards (逾期) issued in the period by stage.
        var redCardsByStage: [String: Int]
        /// Yellow cards issued in the period by stage.
        var yellowCardsByStage: [String: Int]

        init(key: String?, name: String?, counts: IndicatorCounts, cards: CardCounts) {
            self.key = key
            self.name = name
            self.counts = Counts(counts, cards: cards)
            self.ratios = Ratios(IndicatorFormulas.ratios(of: counts))
            self.redCardsByStage = Dictionary(uniqueKeysWithValues: cards.red.map { ($0.key.rawValue, $0.value) })
            self.yellowCardsByStage = Dictionary(uniqueKeysWithValues: cards.yellow.map { ($0.key.rawValue, $0.value) })
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(key, forKey: .key)
            try container.encode(name, forKey: .name)
            try container.encode(counts, forKey: .counts)
            try container.encode(ratios, forKey: .ratios)
            try container.encode(redCardsByStage, forKey: .redCardsByStage)
            try container.encode(yellowCardsByStage, forKey: .yellowCardsByStage)
        }

        private enum CodingKeys: String, CodingKey { case key, name, counts, ratios, redCardsByStage, yellowCardsByStage }
    }

    var from: String
    var to: String
    var groupBy: String
    var filters: Filters
    var evaluatedAt: String
    var groups: [Group]
    var total: Group
    var definitions: IndicatorDefinitions
}
