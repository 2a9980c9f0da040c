import Foundation
import GridDomain
import Testing

/// Killing routing (SIGKILL) while work orders flow loses no case and duplicates no dispatch or notification.
@Suite("crash: kill -9 routing while cases flow", .serialized)
struct RoutingCrashTests {
    @Test("every work order is dispatched exactly once and its unit notified once, across a kill -9 of routing")
    func killRoutingWhileCasesFlow() async throws {
        let orders = 200
        try await LocalStack.withRunning(LocalStack.Configuration()) { stack in
            let lifecycle = try stack.lifecycle
            let numbers = (0..<orders).map { _ in SampleWorkOrders.uniqueOrderNumber(prefix: "E2E-K") }
            // Orders flow at about 25 per second in the background while routing is killed and restarted.
            let sending = Task {
                for number in numbers {
                    try await stack.send(workOrder: try SampleWorkOrders.garbage(orderNumber: number))
                    try await Task.sleep(for: .milliseconds(40))
                }
            }
            try await waitUntil("routing has dispatched some cases", timeout: .seconds(120)) {
                lifecycle.all.filter { $0.type == "gridloop.case.dispatched.v1" }.count >= 20
            }
            let killedPid = try #require(stack.pid(of: .routing))
            try await stack.kill(.routing)
            let dispatchedAtKill = lifecycle.all.filter { $0.type == "gridloop.case.dispatched.v1" }.count
            try await Task.sleep(for: .seconds(3))
            try await stack.start(.routing)
            #expect(stack.pid(of: .routing) != killedPid)
            try await sending.value

            // No case lost: every order opened one case, and every case was dispatched.
            let cases = try await eventually("every order opened a case", timeout: .seconds(120)) { () -> [String]? in
                let opened = numbers.compactMap { lifecycle.opening(externalReference: $0)?.caseId }
                return opened.count == orders ? opened : nil
            }
            #expect(Set(cases).count == orders, "one case per work order")
            try await waitUntil("every case is dispatched", timeout: .seconds(180), every: .seconds(1)) {
                cases.allSatisfy { caseId in lifecycle.events(ofCase: caseId).contains { $0.type == "gridloop.case.dispatched.v1" } }
            }
            #expect(dispatchedAtKill < orders, "the kill happened while cases were still flowing")

            // Nothing twice: one dispatch decision per case (a record published again after the crash carries the
            // same event id and sequence), and routing's assignment shows a single round.
            for caseId in cases {
                let dispatches = lifecycle.events(ofCase: caseId).filter { $0.type == "gridloop.case.dispatched.v1" }
                #expect(Set(dispatches.map(\.eventId)).count == 1, "case \(caseId) dispatched \(dispatches.count) times")
                #expect(Set(dispatches.compactMap(\.sequence)).count == 1)
                #expect(!lifecycle.events(ofCase: caseId).contains { $0.type == "gridloop.case.redispatched.v1" })
            }
            let loop = LoopDriver(stack: stack)
            for caseId in cases {
                let deliveries = try await loop.awaitDeliveries(of: caseId, including: ["dispatched-lead"])
                let dispatchNotices = deliveries.filter { $0["template"] as? String == "dispatched-lead" }
                #expect(dispatchNotices.count == 1, "case \(caseId): \(dispatchNotices.count) dispatch notifications")
            }
        }
    }
}
