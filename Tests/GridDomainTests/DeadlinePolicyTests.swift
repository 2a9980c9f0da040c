import Foundation
import GridDomain
import Testing

/// Deadline policy: resolution by specificity, the sample city's file, and loader errors.
@Suite("Deadline policy")
struct DeadlinePolicyTests {
    static let header = "category,stage,area_class,limit,unit,yellow_at,escalate_to,note\n"
    /// A default row for every stage: 1 working hour.
    static let defaults = CaseStage.allCases.map { "*,\($0.rawValue),*,1,working_hours,0.8,supervising,default\n" }.joined()

    let sample: DeadlinePolicy
    let areaClasses: Set<AreaClass> = [AreaClass("core"), AreaClass("busy"), AreaClass("general")]

    init() throws {
        sample = try DeadlinePolicy(
            contentsOf: CalendarFixtures.deployFile("sample-city/deadline-policy.csv"), areaClasses: areaClasses)
    }

    func code(_ text: String) -> CategoryCode { try! CategoryCode(text) }

    @Test("the sample policy resolves the brief's examples", arguments: [
        ("E0102", CaseStage.dispose, "general", TimeLimit.workingHours(4)),  // 暴露垃圾 4 工作时
        ("E0102", .dispose, "core", .workingHours(2)),  // its core-area override
        ("E0104", .dispose, "busy", .workingHours(2)),  // 道路不洁 2 工作时
        ("E0101", .dispose, "general", .workingHours(4)),  // 私搭乱建: stop within 4 工作时
        ("C0401", .dispose, "general", .workingDays(5)),  // 绿地 (C04 大类) 5 工作日
        ("E0199", .dispose, "core", .workingDays(1)),  // unlisted 小类 → E01 大类
        ("E0103", .dispose, "core", .workingDays(1)),  // 小类 row, no area override
        ("C0101", .dispose, "core", .workingHours(2)),
        ("E0102", .verify, "core", .workingHours(1)),  // no category rule → area default
        ("E0102", .check, "busy", .working(minutes: 90)),
        ("E0102", .check, "general", .workingHours(2)),
        ("E0401", .accept, "core", .natural(minutes: 10)),  // 突发事件 7×24
        ("E0401", .dispose, "general", .naturalHours(4)),
        ("G0201", .signFor, "general", .naturalHours(1)),
        ("G0101", .dispose, "general", .workingDays(5)),
        ("G0101", .close, "general", .workingHours(2)),
    ])
    func sampleResolution(category: String, stage: CaseStage, area: String, limit: TimeLimit) {
        #expect(sample.rule(for: code(category), stage: stage, areaClass: AreaClass(area)).limit == limit)
    }

    @Test("the sample policy has a 大类 rule for every fixed 大类 and a default for every stage")
    func sampleCoverage() {
        let majors = (1...6).map { String(format: "C%02d", $0) } + (1...6).map { String(format: "E%02d", $0) }
            + (1...9).map { String(format: "G%02d", $0) }
        for major in majors {
            let rule = sample.rule(for: code(major), stage: .dispose, areaClass: nil)
            #expect(rule.category == .majorClass(code(major)), "\(major) has no 大类 dispose rule")
        }
        for stage in CaseStage.allCases {
            #expect(sample.rule(for: nil, stage: stage, areaClass: nil).category == .all)
        }
        #expect(sample.rule(for: code("E0401"), stage: .dispose, areaClass: nil).escalation == .level(.district))
    }

    @Test("a case without a category yet uses the defaults")
    func uncategorised() {
        #expect(sample.rule(for: nil, stage: .verify, areaClass: AreaClass("core")).limit == .workingHours(1))
        #expect(sample.rule(for: nil, stage: .verify, areaClass: nil).limit == .workingHours(2))
    }

    @Test("category specificity wins over area specificity; kinds sit between 大类 and all")
    func specificityOrder() throws {
        let policy = try DeadlinePolicy(
            csv: Self.header + Self.defaults + """
                E01,dispose,core,3,working_hours,0.8,supervising,大类 in core
                E0102,dispose,*,4,working_hours,0.8,supervising,小类 everywhere
                E,dispose,*,5,working_hours,0.8,supervising,all events
                *,dispose,core,6,working_hours,0.8,supervising,core default

                """, file: "p.csv")
        #expect(policy.rule(for: code("E0102"), stage: .dispose, areaClass: AreaClass("core")).limit == .workingHours(4))
        #expect(policy.rule(for: code("E0103"), stage: .dispose, areaClass: AreaClass("core")).limit == .workingHours(3))
        #expect(policy.rule(for: code("E0103"), stage: .dispose, areaClass: AreaClass("busy")).limit == .workingHours(5))
        #expect(policy.rule(for: code("C0101"), stage: .dispose, areaClass: AreaClass("core")).limit == .workingHours(6))
        #expect(policy.rule(for: code("C0101"), stage: .dispose, areaClass: AreaClass("busy")).limit == .workingHours(1))
    }

    @Test("a policy starts stage clocks by its rules")
    func startClock() throws {
        let calendar = CalendarFixtures.calendar
        let clock = try sample.startClock(
            stage: .dispose, category: code("E0102"), areaClass: AreaClass("core"), at: CalendarFixtures.at("2025-01-27 16:30"),
            calendar: calendar)
        #expect(clock.limit == .workingHours(2))
        #expect(clock.yellowFraction == 0.75)
        #expect(try clock.dueAt(calendar: calendar).map(CalendarFixtures.text) == "2025-02-05 09:30")
    }

    @Test("a stage without a default is refused")
    func missingDefault() {
        let rows = CaseStage.allCases.filter { $0 != .close && $0 != .signFor }
            .map { "*,\($0.rawValue),*,1,working_hours,0.8,supervising,\n" }.joined()
        let error = #expect(throws: DataFileError.self) {
            try DeadlinePolicy(csv: Self.header + rows + "E01,close,*,1,working_hours,0.8,supervising,\n", file: "p.csv")
        }
        #expect(error?.line == nil)
        #expect(error?.message.contains("sign_for (签收), close (结案)") == true, "\(String(describing: error))")
    }

    @Test("policy files with errors are refused with their line numbers", arguments: [
        ("E7,dispose,*,1,working_hours,0.8,supervising,", "category"),
        ("X01,dispose,*,1,working_hours,0.8,supervising,", "category"),
        ("E01,repair,*,1,working_hours,0.8,supervising,", "unknown stage 'repair'"),
        ("E01,dispose,*,1,work_hours,0.8,supervising,", "unknown unit 'work_hours'"),
        ("E01,dispose,*,0,working_hours,0.8,supervising,", "not a positive number"),
        ("E01,dispose,*,-2,working_hours,0.8,supervising,", "not a positive number"),
        ("E01,dispose,*,0.33,working_hours,0.8,supervising,", "not a whole number of minutes"),
        ("E01,dispose,*,1.5,working_days,0.8,supervising,", "not a whole number of working days"),
        ("E01,dispose,*,1,working_hours,1.2,supervising,", "yellow_at '1.2'"),
        ("E01,dispose,*,1,working_hours,0,supervising,", "yellow_at '0'"),
        ("E01,dispose,*,1,working_hours,0.8,upstairs,", "not an escalation target"),
        ("E01,dispose,*,1,working_hours,0.8,level:province,", "unknown level 'province'"),
        ("E01,dispose,centre,1,working_hours,0.8,supervising,", "unknown area class 'centre'"),
        ("E01,dispose,*,1,working_hours,,supervising,", "column 'yellow_at' is empty"),
        ("*,dispose,*,2,working_hours,0.8,supervising,", "a second rule for category *, stage dispose, area *"),
    ])
    func loaderErrors(row: String, message: String) {
        let text = Self.header + Self.defaults + "# a comment line\n" + row + "\n"
        let error = #expect(throws: DataFileError.self) {
            try DeadlinePolicy(csv: text, file: "policy.csv", areaClasses: areaClasses)
        }
        #expect(error?.file == "policy.csv")
        #expect(error?.line == CaseStage.allCases.count + 3)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }

    @Test("rows naming categories outside the catalog are refused when the catalog is given")
    func catalogCheck() {
        let catalog: Set<CategoryCode> = [code("E01"), code("E0102")]
        let error = #expect(throws: DataFileError.self) {
            try DeadlinePolicy(
                csv: Self.header + Self.defaults + "E0109,dispose,*,1,working_hours,0.8,supervising,\n", file: "p.csv",
                categories: catalog)
        }
        #expect(error?.message.contains("E0109 is not in the catalog") == true)
        #expect(error?.line == CaseStage.allCases.count + 2)
    }

    @Test("a header without the required columns is refused on line 1")
    func missingColumns() {
        let error = #expect(throws: DataFileError.self) {
            try DeadlinePolicy(csv: "category,stage,limit\n*,dispose,1\n", file: "p.csv")
        }
        #expect(error?.line == 1)
        #expect(error?.message.contains("area_class") == true)
    }

    @Test("time limits read from amounts and units", arguments: [
        ("0.5", "working_hours", TimeLimit.working(minutes: 30)),
        ("4", "working_hours", .workingHours(4)),
        ("90", "working_minutes", .working(minutes: 90)),
        ("5", "working_days", .workingDays(5)),
        ("24", "natural_hours", .naturalHours(24)),
        ("1", "natural_days", .natural(minutes: 1440)),
        ("1.25", "natural_hours", .natural(minutes: 75)),
        ("30", "natural_seconds", .naturalSeconds(30)),
        ("120", "natural_seconds", .natural(minutes: 2)),
    ])
    func timeLimits(amount: String, unit: String, limit: TimeLimit) throws {
        #expect(try TimeLimit(amount: amount, unit: unit) == limit)
    }

    @Test("natural seconds must be whole seconds; other units keep whole minutes")
    func naturalSecondsAmounts() {
        let fraction = #expect(throws: DeadlineValueError.self) { try TimeLimit(amount: "0.5", unit: "natural_seconds") }
        #expect(fraction?.message == "'0.5' natural_seconds is not a whole number of seconds")
        let minutes = #expect(throws: DeadlineValueError.self) { try TimeLimit(amount: "0.25", unit: "natural_minutes") }
        #expect(minutes?.message == "'0.25' natural_minutes is not a whole number of minutes")
    }

    @Test("a short test policy in natural seconds loads and resolves")
    func shortTestPolicy() throws {
        let rows = CaseStage.allCases.map { "*,\($0.rawValue),*,20,natural_seconds,0.5,supervising,\n" }.joined()
        let policy = try DeadlinePolicy(csv: Self.header + rows, file: "short.csv")
        let rule = policy.rule(for: nil, stage: .signFor, areaClass: nil)
        #expect(rule.limit == .naturalSeconds(20))
        #expect(rule.limit.measure == .naturalTime)
        #expect(rule.limit.description == "20 秒(自然时间)")
    }

    @Test("stages may be written with their Chinese names; percentages are accepted")
    func chineseStageNames() throws {
        let rows = CaseStage.allCases.map { "*,\($0.chineseName),*,1,working_hours,80%,supervising,\n" }.joined()
        let policy = try DeadlinePolicy(csv: Self.header + rows, file: "p.csv")
        #expect(policy.rule(for: nil, stage: .signFor, areaClass: nil).yellowFraction == 0.8)
    }
}
