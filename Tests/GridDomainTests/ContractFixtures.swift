import Foundation
import GridDomain
import Testing

/// Publishing lifecycle events as contract data and replaying them onto replicas, for the contract tests.
enum ContractFixtures {
    /// A published event: its CloudEvents type and JSON data.
    struct Published {
        let type: String
        let data: Data

        var json: String { String(decoding: data, as: UTF8.self) }
    }

    static let lifecycle = LifecycleFixtures.lifecycle
    static let placement = CasePlacementV1(place: try! PlaceCode("339901001001001"), areaClass: AreaClass("general"))

    /// The contract data of a domain event, as the owner would publish it.
    static func publish(_ event: CaseEvent, of current: Case) throws -> Published {
        if event.action == nil {
            let data = try CaseReportedV1(event: event, case: current, placement: placement)
            return Published(type: CaseReportedV1.type, data: try ContractJSON.encode(data))
        }
        let data = try CaseStepV1(event: event, case: current, placement: placement)
        return Published(type: data.type, data: try ContractJSON.encode(data))
    }

    /// Decodes a published event by its type and replays it onto `replica` (opening one for the
    /// opening event).
    static func replay(_ published: Published, onto replica: Case?) throws -> Case {
        switch try LifecycleTopicEventV1.decode(type: published.type, data: published.data) {
        case .reported(let opened):
            return try CaseReplay.open(opened, lifecycle: lifecycle).case
        case .step(let step):
            let current = try #require(replica)
            guard case .applied(let updated, _) = try CaseReplay.apply(step, to: current, lifecycle: lifecycle) else {
                Issue.record("event \(step.sequence) was taken for a duplicate")
                return current
            }
            return updated
        default:
            Issue.record("\(published.type) is not a lifecycle step")
            return try #require(replica)
        }
    }

    /// Opens a case from `report`, applies `steps` one minute apart, publishes every event and replays
    /// it onto a replica. Returns the owner's case, the replica and the published events.
    static func run(
        _ steps: [(CaseAction, CaseActor)], report: CaseReport = LifecycleFixtures.report(),
        opener: CaseActor = LifecycleFixtures.gridWorker
    ) throws -> (original: Case, replica: Case, published: [Published]) {
        var (current, event) = try lifecycle.open(
            id: CaseID(), number: CaseNumber("LJ2025030300001"), report: report, by: opener, at: LifecycleFixtures.start)
        var published = [try publish(event, of: current)]
        var replica = try replay(published[0], onto: nil)
        for (action, actor) in steps {
            event = try lifecycle.apply(action, to: &current, by: actor, at: current.updatedAt.addingTimeInterval(60))
            published.append(try publish(event, of: current))
            replica = try replay(published[published.count - 1], onto: replica)
        }
        return (current, replica, published)
    }

    /// Expects the replica to match the owner's case in everything but the (masked) report.
    static func expectSame(_ replica: Case, _ original: Case, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(replica.id == original.id, sourceLocation: sourceLocation)
        #expect(replica.number == original.number, sourceLocation: sourceLocation)
        #expect(replica.state == original.state, sourceLocation: sourceLocation)
        #expect(replica.category == original.category, sourceLocation: sourceLocation)
        #expect(replica.urgency == original.urgency, sourceLocation: sourceLocation)
        #expect(replica.pendingRequest == original.pendingRequest, sourceLocation: sourceLocation)
        #expect(replica.assignment == original.assignment, sourceLocation: sourceLocation)
        #expect(replica.verification == original.verification, sourceLocation: sourceLocation)
        #expect(replica.duplicateOf == original.duplicateOf, sourceLocation: sourceLocation)
        #expect(replica.escalatedTo == original.escalatedTo, sourceLocation: sourceLocation)
        #expect(replica.jointResponse == original.jointResponse, sourceLocation: sourceLocation)
        #expect(replica.callback == original.callback, sourceLocation: sourceLocation)
        #expect(replica.counters == original.counters, sourceLocation: sourceLocation)
        #expect(replica.openedAt == original.openedAt, sourceLocation: sourceLocation)
        #expect(replica.updatedAt == original.updatedAt, sourceLocation: sourceLocation)
        #expect(replica.lastSequence == original.lastSequence, sourceLocation: sourceLocation)
        #expect(replica.report.channel == original.report.channel, sourceLocation: sourceLocation)
        #expect(replica.report.location.point == original.report.location.point, sourceLocation: sourceLocation)
        #expect(replica.report.reporter.accountID == original.report.reporter.accountID, sourceLocation: sourceLocation)
    }

    /// The steps that reach `transition.from` and then take the transition.
    static func steps(for transition: CaseTransition) -> [(CaseAction, CaseActor)] {
        var steps = LifecycleFixtures.path(to: transition.from)
        if transition.from == .inDisposal {
            switch transition.action {
            case .approveExtension, .denyExtension: steps.append(LifecycleFixtures.sample(.requestExtension))
            case .approvePark, .denyPark: steps.append(LifecycleFixtures.sample(.requestPark))
            default: break
            }
        }
        steps.append(LifecycleFixtures.sample(transition.action))
        return steps
    }

    /// A hotline report with personal data in every personal field.
    static func hotlineReport(confidential: Bool = false) throws -> CaseReport {
        try CaseReport(
            channel: .hotline12345,
            reporter: Reporter(name: .name("张三"), phone: .phone("13800000000"), confidential: confidential),
            reportedAt: LifecycleFixtures.start,
            location: CaseLocation(
                point: .init(longitude: 120.102, latitude: 30.215), place: PlaceCode("339901001001"),
                address: "春桥村3组12号 电话0571-87654321"),
            category: LifecycleFixtures.category("E0102"),
            details: "来电人(13800000000，身份证33010219900101123X)反映路口垃圾堆积",
            externalReference: "GD-12345-20250312-0042")
    }
}
