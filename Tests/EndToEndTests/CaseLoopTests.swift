import Foundation
import GridDomain
import Testing

/// The whole case loop on the README's local stack, as its users drive it: a 12345 work order and a citizen's
/// report go through filing, dispatch by the 权责清单, disposal, check and closing; a case nobody signs for
/// earns a red card under a short deadline policy; notifications and indicators follow.
@Suite("case loop end to end (scripts/dev stack)", .serialized)
struct CaseLoopTests {
    /// The steps of the lifecycle topic (cards and notices left out), in sequence order.
    static func steps(_ records: [LifecycleLog.Record]) -> [String] {
        records.filter { $0.type.hasPrefix("gridloop.case.") && $0.sequence != nil }
            .sorted { ($0.sequence ?? 0) < ($1.sequence ?? 0) }
            .map { $0.type.replacingOccurrences(of: "gridloop.case.", with: "").replacingOccurrences(of: ".v1", with: "") }
    }

    @Test("hotline and citizen cases run the whole loop; a case nobody signs for earns one red card; notifications and indicators agree")
    func wholeLoop() async throws {
        let startedAt = Date()
        let configuration = LocalStack.Configuration(environment: [.slaMonitor: LocalStack.Configuration.shortDeadlinePolicy])
        try await LocalStack.withRunning(configuration) { stack in
            let lifecycle = try stack.lifecycle
            let loop = LoopDriver(stack: stack)

            // A — a 12345 work order: filed without verification, dispatched, signed for, disposed, checked,
            // called back, closed.
            let orderA = SampleWorkOrders.uniqueOrderNumber(prefix: "E2E-A")
            try await stack.send(workOrder: try SampleWorkOrders.garbage(orderNumber: orderA))
            let caseA = try await lifecycle.awaitOpening(externalReference: orderA).caseId
            let leadA = try await loop.awaitDispatch(of: caseA)
            #expect(leadA == "M339901001001", "the 权责清单 names the community's sanitation unit for E0102 in this grid")
            try await loop.signForAndDispose(caseA, unit: leadA)
            try await loop.check(caseA, passed: true)
            let callback = try await stack.http.post(
                stack.url(.intake, "/v1/cases/\(caseA)/callback"), object: ["satisfaction": "satisfied"],
                token: try await stack.token(role: "hotline_agent"))
            #expect(callback.status == 200, "\(callback)")
            try await loop.awaitState(of: caseA, "closed")

            // B — a citizen's report over HTTP: verified on site, filed, dispatched; the unit returns it, the
            // system re-dispatches it; the first check fails, the rework passes; closed by the system.
            let citizen = try await stack.token(role: "citizen", places: [], sub: "cit-e2e")
            let reported = try await stack.http.post(
                stack.url(.intake, "/v1/reports"),
                object: [
                    "location": ["point": ["longitude": 120.1008, "latitude": 30.2164]], "category": "E0102",
                    "description": "春桥村村委会东侧路口垃圾堆积，联系电话13900001111",
                ],
                token: citizen)
            #expect(reported.status == 201, "\(reported)")
            let caseB = try #require((reported.object()?["snapshot"] as? [String: Any])?["caseId"] as? String)
            #expect((reported.object()?["snapshot"] as? [String: Any])?["state"] as? String == "verifying")
            let verified = try await stack.http.post(
                stack.url(.intake, "/v1/cases/\(caseB)/verification"), object: ["confirmed": true],
                token: try await loop.supervisor())
            #expect(verified.status == 200, "\(verified)")
            let firstLeadB = try await loop.awaitDispatch(of: caseB)
            #expect(firstLeadB == "M339901001001")
            let returned = try await stack.http.post(
                stack.url(.routing, "/v1/tasks/\(caseB)/return"), object: ["reason": "需街道统筹清运"],
                token: try await stack.token(roles: ["disposal_unit"], places: [], units: [firstLeadB]))
            #expect(returned.status == 200, "\(returned)")
            let secondLeadB = try await loop.awaitDispatch(of: caseB, notBy: firstLeadB)
            #expect(secondLeadB == "D339901-SANITATION", "a return goes up the 权责清单's next tier")
            try await loop.signForAndDispose(caseB, unit: secondLeadB)
            try await loop.check(caseB, passed: false)
            try await loop.awaitState(of: caseB, "rework")
            try await loop.signForAndDispose(caseB, unit: secondLeadB)
            try await loop.check(caseB, passed: true)
            try await loop.awaitState(of: caseB, "closed")

            // C — a work order nobody signs for: one red card for sign_for (short policy: after 21 s).
            let orderC = SampleWorkOrders.uniqueOrderNumber(prefix: "E2E-C")
            try await stack.send(workOrder: try SampleWorkOrders.garbage(orderNumber: orderC))
            let caseC = try await lifecycle.awaitOpening(externalReference: orderC).caseId
            _ = try await loop.awaitDispatch(of: caseC)
            let redCard = try await lifecycle.awaitEvent(ofCase: caseC, type: ContractEventType.redCard, timeout: .seconds(120))
            #expect(redCard.source == "/gridloop/sla-monitor")
            let clocks = try await eventually("the sla-monitor shows the sign-for red card") { () -> [String: Any]? in
                let response = try await stack.http.get(
                    stack.url(.slaMonitor, "/v1/cases/\(caseC)/clocks"), token: try await stack.token(role: "shift_lead"))
                let entries = response.object()?["clocks"] as? [[String: Any]] ?? []
                return entries.first { $0["stage"] as? String == "sign_for" && $0["redIssuedAt"] != nil }
            }
            #expect(clocks["card"] as? String == "red")

            // Timelines: exactly the steps driven, in order, the same in intake's API as on the topic.
            #expect(Self.steps(lifecycle.events(ofCase: caseA)) == [
                "reported", "filed", "dispatched", "signed-for", "disposal-reported", "check-assigned", "check-passed",
                "callback-recorded", "closed",
            ])
            #expect(Self.steps(lifecycle.events(ofCase: caseB)) == [
                "reported", "verification-requested", "verification-reported", "filed", "dispatched", "returned",
                "redispatched", "signed-for", "disposal-reported", "check-assigned", "check-failed", "signed-for",
                "disposal-reported", "check-assigned", "check-passed", "closed",
            ])
            #expect(Self.steps(lifecycle.events(ofCase: caseC)) == ["reported", "filed", "dispatched"])
            for caseId in [caseA, caseB, caseC] {
                let timeline = try await loop.timeline(of: caseId)
                #expect(timeline == Self.steps(lifecycle.events(ofCase: caseId)), "intake's timeline of \(caseId)")
            }
            let redCards = lifecycle.all.filter { $0.type == ContractEventType.redCard }
            #expect(redCards.filter { $0.caseId == caseA || $0.caseId == caseB }.isEmpty, "A and B moved in time")

            // Notifications: each (event, recipient) once; the expected ones sent.
            let deliveriesA = try await loop.awaitDeliveries(of: caseA, including: ["dispatched-lead", "closed-reporter"])
            #expect(deliveriesA.first { $0["template"] as? String == "closed-reporter" }?["recipient"] as? String == "reporter:12345")
            let body = deliveriesA.first { $0["template"] as? String == "closed-reporter" }?["body"] as? String ?? ""
            #expect(!body.contains("13800000000"), "the reporter's phone is masked in messages")
            let deliveriesB = try await loop.awaitDeliveries(of: caseB, including: ["dispatched-lead", "redispatched-lead"])
            let deliveriesC = try await loop.awaitDeliveries(of: caseC, including: ["dispatched-lead", "red-card-lead", "red-card-escalation"])
            for deliveries in [deliveriesA, deliveriesB, deliveriesC] {
                let keys = deliveries.map { "\($0["eventKey"] ?? "")|\($0["recipient"] ?? "")|\($0["channel"] ?? "")" }
                #expect(Set(keys).count == keys.count, "no notification twice: \(keys)")
            }
            #expect(deliveriesC.filter { ($0["eventKey"] as? String ?? "").contains("/red-card/sign_for/") && $0["template"] as? String == "red-card-lead" }.count == 1)

            // Indicators: 3 filed, A and B closed on time, B reworked once, C overdue in disposal (short policy:
            // its disposal clock runs out 60 s after dispatch), one sign-for red card.
            let report = try await eventually("the indicators count every case", timeout: .seconds(180), every: .seconds(1)) {
                () -> [String: Any]? in
                let total = try await loop.indicators(since: startedAt)
                let counts = total["counts"] as? [String: Any] ?? [:]
                return counts["filed"] as? Int == 3 && counts["closed"] as? Int == 2 && counts["dueForClosing"] as? Int == 3
                    ? total : nil
            }
            let counts = try #require(report["counts"] as? [String: Any])
            #expect(counts["closedOnTime"] as? Int == 2)
            #expect(counts["disposed"] as? Int == 2)
            #expect(counts["overdueUndisposed"] as? Int == 1)
            #expect(counts["reworked"] as? Int == 1)
            let ratios = try #require(report["ratios"] as? [String: Any])
            let closingRate = try #require(ratios["closingRate"] as? [String: Any])
            #expect(closingRate["numerator"] as? Int == 2)
            #expect(closingRate["denominator"] as? Int == 3)
            #expect((report["redCardsByStage"] as? [String: Any])?["sign_for"] as? Int == 1)
        }
    }
}

/// The user steps of the loop, over the services' HTTP APIs, with waits on what the other services do.
struct LoopDriver {
    let stack: LocalStack

    func supervisor() async throws -> String {
        try await stack.token(role: "supervisor", places: ["339901"], sub: "sup-e2e")
    }

    /// Waits until routing has dispatched the case (to a lead other than `previous`), returns the lead unit.
    func awaitDispatch(of caseId: String, notBy previous: String? = nil) async throws -> String {
        let dispatcher = try await stack.token(role: "dispatcher")
        return try await eventually("routing dispatches \(caseId)", timeout: .seconds(90)) { () -> String? in
            let response = try await stack.http.get(stack.url(.routing, "/v1/cases/\(caseId)/assignment"), token: dispatcher)
            guard response.status == 200, let object = response.object(),
                object["state"] as? String == "dispatched",
                let lead = (object["current"] as? [String: Any])?["leadUnit"] as? String, lead != previous
            else { return nil }
            return lead
        }
    }

    /// The lead unit signs for the task (once routing lists it) and reports its disposal.
    func signForAndDispose(_ caseId: String, unit: String) async throws {
        let token = try await stack.token(roles: ["disposal_unit"], places: [], units: [unit])
        try await waitUntil("\(unit) sees \(caseId) awaiting sign-for") {
            let tasks = try await stack.http.get(stack.url(.routing, "/v1/tasks?status=awaiting_sign_for"), token: token)
            let list = tasks.object()?["tasks"] as? [[String: Any]] ?? []
            return list.contains { $0["caseId"] as? String == caseId }
        }
        let signed = try await stack.http.post(stack.url(.routing, "/v1/tasks/\(caseId)/sign-for"), object: [:], token: token)
        #expect(signed.status == 200, "sign-for: \(signed)")
        let disposed = try await stack.http.post(
            stack.url(.routing, "/v1/tasks/\(caseId)/disposal"),
            object: ["note": "已清运", "attachments": ["https://media.example/e2e/1.jpg"]], token: token)
        #expect(disposed.status == 200, "disposal: \(disposed)")
    }

    /// Waits until intake has assigned the check, then the supervisor passes or fails it.
    func check(_ caseId: String, passed: Bool) async throws {
        try await awaitState(of: caseId, "checking")
        let body: [String: Any] = passed ? ["passed": true, "note": "已清理"] : ["passed": false, "reason": "路口仍有垃圾"]
        let response = try await stack.http.post(stack.url(.intake, "/v1/cases/\(caseId)/check"), object: body, token: try await supervisor())
        #expect(response.status == 200, "check: \(response)")
    }

    /// Waits until intake's view of the case is in `state`.
    func awaitState(of caseId: String, _ state: String) async throws {
        let token = try await supervisor()
        try await waitUntil("\(caseId) is \(state) in intake", timeout: .seconds(90)) {
            let view = try await stack.http.get(stack.url(.intake, "/v1/cases/\(caseId)"), token: token)
            return (view.object()?["snapshot"] as? [String: Any])?["state"] as? String == state
        }
    }

    /// The case's steps as intake's API shows them (cards and notices left out).
    func timeline(of caseId: String) async throws -> [String] {
        let view = try await stack.http.get(stack.url(.intake, "/v1/cases/\(caseId)"), token: try await supervisor())
        let entries = view.object()?["timeline"] as? [[String: Any]] ?? []
        return entries.filter { ($0["type"] as? String ?? "").hasPrefix("gridloop.case.") && $0["sequence"] as? Int != nil }
            .sorted { ($0["sequence"] as? Int ?? 0) < ($1["sequence"] as? Int ?? 0) }
            .map { ($0["type"] as? String ?? "").replacingOccurrences(of: "gridloop.case.", with: "").replacingOccurrences(of: ".v1", with: "") }
    }

    /// Waits until the case's deliveries include sent ones from each of `templates`; returns all of them.
    func awaitDeliveries(of caseId: String, including templates: Set<String>) async throws -> [[String: Any]] {
        let token = try await stack.token(role: "auditor")
        return try await eventually("notifications \(templates.sorted()) for \(caseId) are sent", timeout: .seconds(90)) {
            () -> [[String: Any]]? in
            let response = try await stack.http.get(stack.url(.notification, "/v1/deliveries?caseId=\(caseId)&limit=200"), token: token)
            let deliveries = response.object()?["deliveries"] as? [[String: Any]] ?? []
            let sent = Set(deliveries.filter { $0["status"] as? String == "sent" }.compactMap { $0["template"] as? String })
            return templates.isSubset(of: sent) ? deliveries : nil
        }
    }

    /// Assessment's `total` for the hour around the test.
    func indicators(since start: Date) async throws -> [String: Any] {
        let format = ISO8601DateFormatter()
        let from = format.string(from: start.addingTimeInterval(-3600))
        let to = format.string(from: Date().addingTimeInterval(3600))
        let response = try await stack.http.get(
            stack.url(.assessment, "/v1/indicators?from=\(from)&to=\(to)&groupBy=department"),
            token: try await stack.token(role: "auditor"))
        return response.object()?["total"] as? [String: Any] ?? [:]
    }
}
