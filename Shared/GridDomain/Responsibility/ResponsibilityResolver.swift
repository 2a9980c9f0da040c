#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Decides which unit handles a case by the 权责清单, and explains why.
///
/// Build one per list version (building indexes the list; resolving is then a few hash lookups, well
/// over a million decisions per second on one core) and share it: it is an immutable value.
public struct ResponsibilityResolver: Sendable {
    /// Options of a resolver.
    public struct Configuration: Sendable, Hashable {
        /// The offset of the city's local time from UTC, in seconds, used for time windows and effective
        /// dates. Default 28,800 (UTC+8, Asia/Shanghai, which keeps no daylight saving time).
        public var utcOffsetSeconds: Int

        /// Creates a configuration.
        public init(utcOffsetSeconds: Int = 28_800) {
            self.utcOffsetSeconds = utcOffsetSeconds
        }
    }

    let compiled: CompiledResponsibilityList
    /// The resolver's options.
    public let configuration: Configuration

    /// Compiles `list` for the city; throws when a rule refers to a category, place or unit the city
    /// does not have, or is otherwise inconsistent (lists read with `ResponsibilityList(csv:…)` have
    /// been checked already).
    public init(
        list: ResponsibilityList, catalog: CategoryCatalog, places: PlaceHierarchy, units: UnitRegistry,
        configuration: Configuration = Configuration()
    ) throws(ResponsibilityListError) {
        self.compiled = try CompiledResponsibilityList(list: list, catalog: catalog, places: places, units: units)
        self.configuration = configuration
    }

    /// The list this resolver applies.
    public var list: ResponsibilityList { compiled.list }

    /// Decides who handles the case at `instant`, skipping rules whose lead unit is in `excluding`
    /// (e.g. units that returned the case: re-dispatch must go elsewhere).
    ///
    /// The decision is made at once; the returned resolution's `explanation` is built on request and
    /// always agrees with it.
    public func resolve(_ query: ResponsibilityQuery, at instant: Date, excluding: [UnitID] = []) -> ResponsibilityResolution {
        ResponsibilityResolution(
            decision: decide(query, at: instant, excluding: excluding),
            resolver: self, query: query, instant: instant, excluding: excluding)
    }

    /// The local day (days since 1970-01-01) and minute of the week (0 = Monday 00:00) of an instant.
    func localTime(_ instant: Date) -> (day: Int, minuteOfWeek: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + configuration.utcOffsetSeconds
        let day = seconds >= 0 ? seconds / 86_400 : -((-seconds + 86_399) / 86_400)
        let minuteOfDay = (seconds - day * 86_400) / 60
        let weekday = ((day % 7) + 7 + 3) % 7  // 1970-01-01 was a Thursday
        return (day, weekday * 1440 + minuteOfDay)
    }

    /// Why a rule in a candidate bucket does not match, before looking at units; `nil` when it matches.
    @inline(__always)
    func mismatch(_ rule: CompiledResponsibilityList.Rule, day: Int, minuteOfWeek: Int, attributes: [String: String]) -> RuleVerdict? {
        if day < rule.fromDay { return .notYetEffective(EffectiveDate(dayNumber: rule.fromDay)) }
        if day > rule.throughDay { return .expired(EffectiveDate(dayNumber: rule.throughDay)) }
        if let window = rule.window, !window.contains(minuteOfWeek: minuteOfWeek) {
            return .outsideWindow(compiled.list.rules[rule.index].window!)
        }
        for condition in rule.attributes where !condition.isSatisfied(by: attributes) {
            return .attributeMismatch(condition, actual: attributes[condition.key])
        }
        return nil
    }
}
