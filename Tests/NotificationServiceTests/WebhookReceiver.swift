import Foundation
import GridDomain
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NotificationService
import Testing

/// A tiny webhook receiver for the tests: answers each POST to `/hook` with the next status of its
/// script (then 200), after an optional delay, and records every request it received.
actor WebhookReceiver {
    /// A received request.
    struct Received: Sendable {
        let idempotencyKey: String?
        let contentType: String?
        let message: WebhookMessage?
    }

    private var script: [HTTPResponse.Status]
    private let delay: Duration
    private(set) var received: [Received] = []

    init(script: [HTTPResponse.Status] = [], delay: Duration = .zero) {
        self.script = script
        self.delay = delay
    }

    func record(_ request: Received) -> HTTPResponse.Status {
        received.append(request)
        return script.isEmpty ? .ok : script.removeFirst()
    }

    /// Distinct idempotency keys received.
    var distinctKeys: Set<String> { Set(received.compactMap(\.idempotencyKey)) }

    /// Runs `body` with the receiver listening on a free loopback port; passes the hook's URL.
    func serve(_ body: @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let message = try? ContractJSON.decode(WebhookMessage.self, from: Data(bytes.readableBytesView))
            if self.delay > .zero { try await Task.sleep(for: self.delay) }
            let status = await self.record(
                Received(
                    idempotencyKey: request.headers[HTTPField.Name("Idempotency-Key")!],
                    contentType: request.headers[.contentType], message: message))
            return Response(status: status)
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/hook")
        }
    }
}
