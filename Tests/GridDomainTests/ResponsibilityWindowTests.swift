import Testing
import GridDomain

@Suite struct ResponsibilityWindowTests {
    /// Minute of the week for a day (0 = Monday) and time.
    func minute(_ day: Int, _ hour: Int, _ minute: Int = 0) -> Int { day * 1440 + hour * 60 + minute }

    @Test func anOvernightRangeBelongsToTheDayItStarts() throws {
        let window = try RuleTimeWindow(parsing: "Fri 22:00-06:00")
        #expect(window.contains(minuteOfWeek: minute(4, 22)))
        #expect(window.contains(minuteOfWeek: minute(4, 23, 59)))
        #expect(window.contains(minuteOfWeek: minute(5, 3)))
        #expect(window.contains(minuteOfWeek: minute(5, 5, 59)))
        #expect(!window.contains(minuteOfWeek: minute(5, 6)))  // the end is excluded
        #expect(!window.contains(minuteOfWeek: minute(4, 21, 59)))
        #expect(!window.contains(minuteOfWeek: minute(5, 22, 30)))  // Saturday night is not in it
        #expect(!window.contains(minuteOfWeek: minute(4, 3)))  // nor Friday early morning
    }

    @Test func everyNightWrapsFromSundayToMonday() throws {
        let window = try RuleTimeWindow(parsing: "22:00-06:00")
        #expect(window.contains(minuteOfWeek: minute(0, 2)))  // Monday 02:00, from Sunday night
        #expect(window.minutes.description == "Sun 22:00–Mon 06:00, Mon 22:00–Tue 06:00, Tue 22:00–Wed 06:00, Wed 22:00–Thu 06:00, Thu 22:00–Fri 06:00, Fri 22:00–Sat 06:00, Sat 22:00–Sun 06:00")
    }

    @Test func daysAcceptRangesListsAndChineseNames() throws {
        let weekend = try RuleTimeWindow(parsing: "Sat-Sun")
        #expect(weekend.minutes == (try RuleTimeWindow(parsing: "周末")).minutes)
        #expect(weekend.minutes == (try RuleTimeWindow(parsing: "sat,SUNDAY")).minutes)
        #expect(weekend.minutes == (try RuleTimeWindow(parsing: "周六至周日")).minutes)
        #expect(weekend.minutes.description == "Sat 00:00–Mon 00:00")
        let wrapped = try RuleTimeWindow(parsing: "Fri-Mon 08:00-12:00")
        #expect(wrapped.contains(minuteOfWeek: minute(0, 9)) && wrapped.contains(minuteOfWeek: minute(4, 9)))
        #expect(!wrapped.contains(minuteOfWeek: minute(1, 9)))
        let both = try RuleTimeWindow(parsing: "Mon-Fri 18:00-08:00 | Sat-Sun")
        #expect(both.contains(minuteOfWeek: minute(2, 19)) && both.contains(minuteOfWeek: minute(6, 12)))
        #expect(both.contains(minuteOfWeek: minute(5, 7)))  // Friday night runs into Saturday
        #expect(!both.contains(minuteOfWeek: minute(2, 12)))
        #expect(both.minutes.union(both.minutes.complement).isFull)
        #expect(try RuleTimeWindow(parsing: "00:00-24:00").minutes.isFull)
        #expect(try RuleTimeWindow(parsing: "Mon 00:00-24:00").minutes.description == "Mon 00:00–Tue 00:00")
        #expect(try RuleTimeWindow(parsing: "周一 08：00-18：00").contains(minuteOfWeek: minute(0, 8)))
    }

    @Test(arguments: [
        ("", "covers no time"), ("Mon-Fri 08:00-12:00 13:00-18:00", "two time ranges"), ("Mon Tue", "two day lists"),
        ("08:00-08:00", "starts and ends at the same time"), ("8-12", "is not a day"), ("08:00-25:00", "not a time range"),
        ("08:60-09:00", "not a time range"), ("Mon | ", "empty alternative"),
    ])
    func badWindowsAreExplained(text: String, message: String) {
        #expect {
            _ = try RuleTimeWindow(parsing: text)
        } throws: { error in
            (error as? RuleSyntaxError)?.message.contains(message) == true
        }
    }

    @Test func effectiveDatesParseAndCount() throws {
        let date = try EffectiveDate(parsing: "2025-03-01")
        #expect(date.dayNumber == 20_148)
        #expect(date.description == "2025-03-01")
        #expect(EffectiveDate(dayNumber: 0).description == "1970-01-01")
        #expect(EffectiveDate(year: 2024, month: 2, day: 29) != nil)
        #expect(EffectiveDate(year: 2025, month: 2, day: 29) == nil)
        #expect(EffectiveDate(year: 2000, month: 2, day: 29).map { [$0.year, $0.month, $0.day] } == [2000, 2, 29])
        #expect(throws: RuleSyntaxError.self) { try EffectiveDate(parsing: "2025-3-1") }
        #expect(throws: RuleSyntaxError.self) { try EffectiveDate(parsing: "2025/03/01") }
    }

    @Test func unitReferencesParse() throws {
        #expect(try UnitReference(parsing: "C-WATER") == .unit(UnitID("C-WATER")))
        #expect(try UnitReference(parsing: "@街道:环卫") == .local(level: .street, kind: UnitKind("环卫")))
        #expect(try UnitReference(parsing: "@district：城管执法").description == "@district:城管执法")
        #expect(throws: RuleSyntaxError.self) { try UnitReference(parsing: "@street:") }
        #expect(throws: RuleSyntaxError.self) { try UnitReference(parsing: "A B") }
    }

    @Test func attributeConditionsParse() throws {
        let conditions = try AttributeCondition.parseList("road_class = 主干道|次干道 ; channel=12345")
        #expect(conditions.map(\.description) == ["road_class=主干道|次干道", "channel=12345"])
        #expect(conditions[0].isSatisfied(by: ["road_class": "次干道"]))
        #expect(!conditions[0].isSatisfied(by: ["road_class": "支路"]))
        #expect(!conditions[0].isSatisfied(by: [:]))
        #expect(throws: RuleSyntaxError.self) { try AttributeCondition.parseList("a=1;a=2") }
        #expect(throws: RuleSyntaxError.self) { try AttributeCondition.parseList("a=") }
    }
}
