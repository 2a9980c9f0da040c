import Foundation
import GridDomain
import Testing

/// The README's local stack comes up through `scripts/dev` and answers: every service ready, metrics served, a
/// hotline work order opens a case on the lifecycle topic.
@Suite("local stack (scripts/dev)", .serialized)
struct LocalStackSmokeTests {
    @Test("the stack comes up, every service is ready and serves metrics, a work order opens a case")
    func stackComesUp() async throws {
        try await LocalStack.withRunning { stack in
            for service in StackService.allCases {
                let ready = try await stack.http.get(stack.url(service, "/health/ready"))
                #expect(ready.status == 200, "\(service) /health/ready: \(ready)")
                let metrics = try await stack.http.get(stack.url(service, "/metrics"))
                #expect(metrics.status == 200, "\(service) /metrics: \(metrics)")
                #expect(metrics.text.contains("# TYPE"), "\(service) /metrics is not Prometheus text")
            }
            let status = try await stack.status()
            #expect(status.components(separatedBy: " ready").count - 1 == StackService.allCases.count, "\(status)")

            let orderNumber = SampleWorkOrders.uniqueOrderNumber()
            try await stack.send(workOrder: try SampleWorkOrders.garbage(orderNumber: orderNumber))
            let opened = try await stack.lifecycle.awaitOpening(externalReference: orderNumber, timeout: .seconds(120))
            #expect(opened.type == ContractEventType.caseReported)
            #expect(opened.source == "/gridloop/intake")
            #expect(opened.snapshot?.channel == .hotline12345)
            #expect(opened.snapshot?.placement.grid?.digits == "339901001001001")
        }
    }
}
