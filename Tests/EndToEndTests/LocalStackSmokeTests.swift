import Foundation
import GridDomain
import Testing

/// The README's local stack comes up through `scripts/dev` and answers: every service ready, metrics served, a
/// hotline work order opens a case on the lifecycle topic that intake's API shows; one service can be killed and
/// started again; extra settings reach a service.
@Suite("local stack (scripts/dev)", .serialized)
struct LocalStackSmokeTests {
    @Test("the stack comes up, serves health and metrics, opens a case for a work order, restarts a killed service")
    func stackComesUp() async throws {
        let configuration = LocalStack.Configuration(environment: [.assessment: ["LOG_LEVEL": "debug"]])
        try await LocalStack.withRunning(configuration) { stack in
            for service in StackService.allCases {
                let ready = try await stack.http.get(stack.url(service, "/health/ready"))
                #expect(ready.status == 200, "\(service) /health/ready: \(ready)")
                let metrics = try await stack.http.get(stack.url(service, "/metrics"))
                #expect(metrics.status == 200, "\(service) /metrics: \(metrics)")
                #expect(metrics.text.contains("# TYPE"), "\(service) /metrics is not Prometheus text")
            }

            // A work order on Kafka opens a case; intake's API shows it to an operator.
            let orderNumber = SampleWorkOrders.uniqueOrderNumber()
            try await stack.send(workOrder: try SampleWorkOrders.garbage(orderNumber: orderNumber))
            let opened = try await stack.lifecycle.awaitOpening(externalReference: orderNumber, timeout: .seconds(120))
            #expect(opened.type == ContractEventType.caseReported)
            #expect(opened.source == "/gridloop/intake")
            #expect(opened.snapshot?.channel == .hotline12345)
            #expect(opened.snapshot?.placement.grid?.digits == "339901001001001")
            let operatorToken = try await stack.token(role: "operator")
            let view = try await stack.http.get(stack.url(.intake, "/v1/cases/\(opened.caseId)"), token: operatorToken)
            #expect(view.status == 200, "\(view)")
            let report = view.object()?["report"] as? [String: Any]
            #expect(report?["externalReference"] as? String == orderNumber)
            let anonymous = try await stack.http.get(stack.url(.intake, "/v1/cases/\(opened.caseId)"))
            #expect(anonymous.status == 401)

            // Extra settings reach the service's process.
            let assessment = try #require(stack.pid(of: .assessment))
            let environment = try String(contentsOfFile: "/proc/\(assessment)/environ", encoding: .utf8)
            #expect(environment.split(separator: "\0").contains("LOG_LEVEL=debug"))

            // Kill one service (SIGKILL) and bring it back.
            let routing = try #require(stack.pid(of: .routing))
            try await stack.kill(.routing)
            #expect(stack.pid(of: .routing) == nil)
            #expect(kill(routing, 0) != 0, "routing (pid \(routing)) still runs after SIGKILL")
            try await stack.start(.routing)
            let restarted = try #require(stack.pid(of: .routing))
            #expect(restarted != routing)
            let ready = try await stack.http.get(stack.url(.routing, "/health/ready"))
            #expect(ready.status == 200)
        }
    }
}
