import Foundation
import GridDomain
import HTTPTypes
import NotificationService
import Testing

@Suite("Webhook channel")
struct WebhookChannelTests {
    static func delivery(address: String, attempt: Int = 1) -> ClaimedDelivery {
        ClaimedDelivery(
            id: UUID(), caseId: UUID(), caseNumber: "LJ2025031200042", eventKey: "k/5", eventType: "gridloop.case.dispatched.v1",
            recipient: "unit:S339901001-SANITATION", recipientName: "五港镇环卫所", channel: .webhook, address: address,
            template: "dispatched-lead", title: "【派遣】LJ2025031200042 暴露垃圾", body: "五港镇环卫所：请及时签收并处置。", place: nil,
            attempt: attempt, createdAt: Date(timeIntervalSince1970: 1_741_741_200))
    }

    @Test("a 500 is transient, the resend succeeds, and both requests carry the delivery id as Idempotency-Key")
    func serverErrorThenSuccess() async throws {
        let receiver = WebhookReceiver(script: [.internalServerError])
        let channel = WebhookChannel(configuration: .init(timeout: .seconds(5)))
        try await receiver.serve { url in
            let first = Self.delivery(address: url)
            #expect(await channel.send([first]) == [.transientFailure("HTTP 500")])
            let second = Self.delivery(address: url, attempt: 2)
            let resend = ClaimedDelivery(
                id: first.id, caseId: first.caseId, caseNumber: first.caseNumber, eventKey: first.eventKey, eventType: first.eventType,
                recipient: first.recipient, recipientName: first.recipientName, channel: .webhook, address: url, template: first.template,
                title: first.title, body: first.body, place: nil, attempt: second.attempt, createdAt: first.createdAt)
            #expect(await channel.send([resend]) == [.sent])
            let received = await receiver.received
            #expect(received.count == 2)
            #expect(received.allSatisfy { $0.idempotencyKey == first.id.uuidString.lowercased() })
            #expect(received.allSatisfy { $0.contentType == "application/json; charset=utf-8" })
            let message = try #require(received.last?.message)
            #expect(message.id == first.id)
            #expect(message.attempt == 2)
            #expect(message.title == first.title)
            #expect(message.body == first.body)
            #expect(message.recipient == "unit:S339901001-SANITATION")
            #expect(message.createdAt == first.createdAt)
        }
    }

    @Test("4xx answers are permanent except 408, 425 and 429; 2xx are sent")
    func statusClassification() async throws {
        let receiver = WebhookReceiver(script: [.notFound, .badRequest, .tooManyRequests, .requestTimeout, .accepted, .badGateway])
        let channel = WebhookChannel(configuration: .init(timeout: .seconds(5), concurrency: 1))
        try await receiver.serve { url in
            let outcomes = await channel.send((0..<6).map { _ in Self.delivery(address: url) })
            #expect(
                outcomes == [
                    .permanentFailure("HTTP 404"), .permanentFailure("HTTP 400"), .transientFailure("HTTP 429"),
                    .transientFailure("HTTP 408"), .sent, .transientFailure("HTTP 502"),
                ])
            #expect(await receiver.distinctKeys.count == 6)
        }
    }

    @Test("a batch is sent concurrently, one outcome per delivery in order")
    func batch() async throws {
        let receiver = WebhookReceiver()
        let channel = WebhookChannel(configuration: .init(timeout: .seconds(5), concurrency: 4))
        try await receiver.serve { url in
            let deliveries = (0..<20).map { _ in Self.delivery(address: url) }
            let outcomes = await channel.send(deliveries)
            #expect(outcomes == Array(repeating: .sent, count: 20))
            #expect(await receiver.distinctKeys == Set(deliveries.map { $0.id.uuidString.lowercased() }))
        }
    }

    @Test("a refused connection and a timeout are transient; a bad address is permanent")
    func transportFailures() async throws {
        let channel = WebhookChannel(configuration: .init(timeout: .milliseconds(300)))
        let refused = await channel.send([Self.delivery(address: "http://127.0.0.1:1/hook")])
        guard case .transientFailure = refused[0] else {
            Issue.record("connection refused gave \(refused[0])")
            return
        }
        #expect(await channel.send([Self.delivery(address: "mailto:ops@example.org")]) == [.permanentFailure("webhook address is not an http(s) URL")])

        let slow = WebhookReceiver(delay: .seconds(3))
        try await slow.serve { url in
            let outcome = await channel.send([Self.delivery(address: url)])
            #expect(outcome == [.transientFailure("request failed: timed out")])
        }
    }
}
