import Foundation
import GridDomain
import RoutingService
import Testing

/// The sample city (`deploy/sample-city`), actors, and cases as intake would publish them.
enum RoutingFixtures {
    /// `deploy/` of this checkout.
    static let deployDirectory: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("deploy")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("sample-city/places.csv").path) {
                return candidate
            }
        }
        return URL(fileURLWithPath: "deploy")
    }()

    /// The sample city's directory.
    static var sampleCityDirectory: String { deployDirectory.appendingPathComponent("sample-city").path }

    private static let loaded: Result<RoutingCity, RoutingStartupError> = Result { () throws(RoutingStartupError) in
        try RoutingCity.load(settings: RoutingSettings(cityDirectory: sampleCityDirectory, listVersion: "test-list"))
    }

    /// The sample city, loaded once.
    static func city() throws -> RoutingCity { try loaded.get() }

    /// A dispatcher over the sample city.
    static func dispatcher() throws -> Dispatcher {
        let city = try city()
        return Dispatcher(resolver: city.resolver, units: city.units)
    }

    /// A workspace over `loaded` replicas in the sample city.
    static func workspace(_ loaded: [CaseReplica] = []) throws -> RoutingWorkspace {
        RoutingWorkspace(lifecycle: try city().lifecycle, dispatcher: try dispatcher(), loaded: loaded)
    }

    /// Monday 2025-03-03 09:00 in Shanghai (a working day).
    static let start = Date(timeIntervalSince1970: 1_740_963_600)

    static let gridWorker = CaseActor(role: .gridWorker, id: "gw-1", level: .grid)
    static let intakeOperator = CaseActor(role: .intakeOperator, id: "op-1")
    static let supervisor = CaseActor(role: .supervisor, id: "sv-1")
    static let shiftLead = CaseActor(role: .shiftLead, id: "sl-1", level: .street)
    static let dispatcherActor = CaseActor(role: .dispatcher, id: "dp-1", level: .district)

    /// A grid of 江滨区 五港镇 春桥村 (area class `general`).
    static let grid = try! PlaceCode("339901001001001")

    /// The placement intake would publish for `grid` (nil: not located).
    static func placement(_ grid: PlaceCode?) throws -> CasePlacementV1 {
        guard let grid else { return .unknown }
        let areaClass = try city().reference.places.grid(grid)?.areaClass
        return CasePlacementV1(place: grid, areaClass: areaClass)
    }
}

/// A case on intake's side: the owner's copy and the lifecycle events it published, so tests can feed
/// them to routing as the topic would.
struct IntakeCase {
    private(set) var current: Case
    let placement: CasePlacementV1
    private(set) var events: [LifecycleTopicEventV1] = []

    /// Opens a grid worker's report of `category` at `grid` (nil: an unplaced report).
    init(category: String = "E0102", grid: PlaceCode? = RoutingFixtures.grid, at time: Date = RoutingFixtures.start) throws {
        let report = try CaseReport(
            channel: .gridWorker, reporter: Reporter(accountID: "gw-1"), reportedAt: time,
            location: CaseLocation(point: .init(longitude: 120.12, latitude: 30.21), place: grid, address: "望江路12号"),
            category: try CategoryCode(category), details: "路边有暴露垃圾，联系电话13812345678",
            attachments: [URL(string: "https://media.example/r/1.jpg")!])
        let number = try CaseNumber("LJ\(Int(time.timeIntervalSince1970))\(Int.random(in: 100...999))")
        let opened = try RoutingFixtures.city().lifecycle.open(id: CaseID(), number: number, report: report, by: RoutingFixtures.gridWorker, at: time)
        current = opened.case
        placement = try RoutingFixtures.placement(grid)
        events.append(.reported(try CaseReportedV1(event: opened.event, case: opened.case, placement: placement)))
    }

    var id: CaseID { current.id }

    /// Takes a step (as intake, or replaying another service's step) and publishes it.
    @discardableResult
    mutating func take(_ action: CaseAction, by actor: CaseActor, at time: Date? = nil) throws -> CaseStepV1 {
        let applied = try RoutingFixtures.city().lifecycle.apply(action, to: current, by: actor, at: time ?? current.updatedAt.addingTimeInterval(60))
        current = applied.case
        let data = try CaseStepV1(event: applied.event, case: applied.case, placement: placement)
        events.append(.step(data))
        return data
    }

    /// Files the case (operator) one minute after the last step.
    @discardableResult
    mutating func file() throws -> CaseStepV1 {
        try take(.file(category: nil, urgency: nil), by: RoutingFixtures.intakeOperator)
    }

    /// Adopts a step routing published (so intake's copy follows routing's timeline).
    mutating func adopt(_ step: CaseStepV1) throws {
        guard case .applied(let updated, _) = try CaseReplay.apply(step, to: current, lifecycle: RoutingFixtures.city().lifecycle) else {
            Issue.record("step \(step.sequence) of \(step.caseId) was already applied")
            return
        }
        current = updated
        events.append(.step(step))
    }
}

extension RoutingWorkspace {
    /// Applies topic events in order.
    mutating func apply(_ events: [LifecycleTopicEventV1]) throws {
        for event in events {
            switch event {
            case .reported(let data): try open(data)
            case .step(let data): try replay(data)
            default: continue
            }
        }
    }

    /// The steps this workspace published.
    var publishedSteps: [CaseStepV1] {
        outgoing.compactMap { if case .step(let step) = $0 { step } else { nil } }
    }

    /// The manual-dispatch notices this workspace published.
    var publishedNotices: [ManualDispatchRequiredV1] {
        outgoing.compactMap { if case .manualDispatchRequired(let notice) = $0 { notice } else { nil } }
    }
}
