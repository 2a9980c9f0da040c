import Foundation
import GridDomain
import GridRuntime
import Logging
import SLAMonitorService

/// The sample city's deadline data, actors, times and lifecycle timelines for the sla-monitor tests.
enum SLAFixtures {
    /// The repository's `deploy` directory.
    static let deployDirectory: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("deploy")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sample-city/deadline-policy.csv").path) {
                return candidate
            }
        }
        return URL(fileURLWithPath: "deploy")
    }()

    static var sampleCity: String { deployDirectory.appendingPathComponent("sample-city").path }

    static let logger: Logger = {
        var logger = Logger(label: "sla-monitor.test") { StreamLogHandler.standardError(label: $0) }
        logger.logLevel = .warning
        return logger
    }()

    /// The sample city's policy, calendar (2025–2026) and units, loaded once.
    static let reference: DeadlineReference = {
        do {
            return try DeadlineReference.load(cityDirectory: sampleCity, settings: SLAMonitorSettings(), now: at("2025-03-03 09:00"), logger: logger)
        } catch {
            fatalError("the sample city does not load: \(error)")
        }
    }()

    /// `deploy/policies/short-test-deadline-policy.csv` (limits in natural seconds).
    static var shortPolicyFile: String { deployDirectory.appendingPathComponent("policies/short-test-deadline-policy.csv").path }

    /// The sample city with the short test policy in place of its own (`SLA_DEADLINE_POLICY_FILE`).
    static let shortReference: DeadlineReference = {
        do {
            return try DeadlineReference.load(
                cityDirectory: sampleCity, settings: SLAMonitorSettings(deadlinePolicyFile: shortPolicyFile), now: at("2025-03-03 09:00"),
                logger: logger)
        } catch {
            fatalError("the short test policy does not load: \(error)")
        }
    }()

    /// Metrics that go nowhere in particular.
    static let metrics = SLAMetrics(factory: ServiceMetrics().factory)

    /// An instant in Asia/Shanghai: `2025-03-03 09:00` or `2025-03-03 09:00:30`.
    static func at(_ text: String) -> Date {
        let parts = text.split(separator: " ")
        let time = parts[1].split(separator: ":").count == 2 ? parts[1] + ":00" : parts[1]
        return ContractJSON.parseTimestamp("\(parts[0])T\(time)+08:00")!
    }

    static let streetUnit = UnitID("S339901001-SANITATION")
    static let otherStreetUnit = UnitID("S339901001-ENFORCE")
    static let gridWorker = CaseActor(role: .gridWorker, id: "gw-1", level: .grid)
    static let shiftLead = CaseActor(role: .shiftLead, id: "sl-1", level: .street)
    static let dispatcher = CaseActor(role: .dispatcher, id: "dp-1", level: .street)
    static let supervisor = CaseActor(role: .supervisor, id: "sv-1")
    static let intake = CaseActor(role: .intakeOperator, id: "op-1")
    static let sanitation = CaseActor(role: .disposalUnit, id: "u-1", unit: streetUnit)
    static let enforcement = CaseActor(role: .disposalUnit, id: "u-2", unit: otherStreetUnit)

    /// A grid worker's report of `category` in grid 339901001001001 (area class `general`).
    static func report(category: String, at time: Date) -> CaseReport {
        try! CaseReport(
            channel: .gridWorker, reporter: Reporter(name: nil, phone: nil, accountID: "gw-1"), reportedAt: time,
            location: CaseLocation(point: .init(longitude: 120.1005, latitude: 30.2164), place: PlaceCode("339901001001001")),
            category: CategoryCode(category), details: "路边有暴露垃圾", componentID: nil)
    }
}

/// One case driven through the real lifecycle; every event is published as contract JSON and read back
/// as the monitor reads it.
struct Timeline {
    let lifecycle = CaseLifecycle()
    let placement: CasePlacementV1
    private(set) var current: Case
    private(set) var events: [LifecycleInput] = []
    /// The same events as contract JSON, as intake and routing publish them.
    private(set) var published: [PublishedEvent] = []

    /// Opens a case at `time`.
    init(category: String = "E0102", at time: Date, placement: CasePlacementV1? = nil) throws {
        self.placement = try placement ?? CasePlacementV1(place: PlaceCode("339901001001001"), areaClass: AreaClass("general"))
        let (opened, event) = try lifecycle.open(
            id: CaseID(), number: CaseNumber("LJ2025030300042"), report: SLAFixtures.report(category: category, at: time),
            by: SLAFixtures.gridWorker, at: time)
        current = opened
        let data = try ContractJSON.encode(try CaseReportedV1(event: event, case: opened, placement: self.placement))
        let input = try requireInput(LifecycleInput.decode(type: CaseReportedV1.type, data: data))
        events.append(input)
        published.append(PublishedEvent(type: CaseReportedV1.type, data: data, input: input))
    }

    var caseID: CaseID { current.id }
    var opening: LifecycleInput { events[0] }
    var last: LifecycleInput { events[events.count - 1] }

    /// Applies a step at `time` and returns its event as the monitor reads it.
    @discardableResult
    mutating func step(_ action: CaseAction, by actor: CaseActor, at time: Date) throws -> LifecycleInput {
        let event = try lifecycle.apply(action, to: &current, by: actor, at: time)
        let step = try CaseStepV1(event: event, case: current, placement: placement)
        let data = try ContractJSON.encode(step)
        let input = try requireInput(LifecycleInput.decode(type: step.type, data: data))
        events.append(input)
        published.append(PublishedEvent(type: step.type, data: data, input: input))
        return input
    }

    /// File and dispatch to the street's sanitation unit.
    mutating func fileAndDispatch(at time: Date, lead: UnitID = SLAFixtures.streetUnit) throws {
        try step(.file(category: nil, urgency: nil), by: SLAFixtures.intake, at: time)
        try step(.dispatch(lead: lead, coUnits: []), by: SLAFixtures.dispatcher, at: time)
    }
}

/// A lifecycle event as published: its CloudEvents type and contract JSON.
struct PublishedEvent: Sendable {
    let type: String
    let data: Data
    /// What the monitor reads from it.
    let input: LifecycleInput
}

/// The decoded input, or a failure naming the missing value.
func requireInput(_ input: LifecycleInput?) throws -> LifecycleInput {
    guard let input else { throw FixtureError("the event decoded to no lifecycle input") }
    return input
}

struct FixtureError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
