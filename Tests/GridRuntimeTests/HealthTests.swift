import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Testing

@testable import GridRuntime

@Suite("Health")
struct HealthTests {
    struct Report: Decodable {
        struct Check: Decodable, Equatable {
            let name: String
            let status: String
            let error: String?
        }
        let status: String
        let checks: [Check]
    }

    @Test func aCheckThatNeverAnswersIsReportedDownAfterTheTimeout() async {
        let probe = ReadinessProbe(
            checks: [
                ReadinessCheck(name: "fine") {},
                ReadinessCheck(name: "broken") { throw ReadinessFailure("disk full") },
                ReadinessCheck(name: "unexpected") { throw CancellationError() },
                // Ignores cancellation and answers only after 3 s.
                ReadinessCheck(name: "stuck") {
                    await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                        DispatchQueue.global().asyncAfter(deadline: .now() + 3) { continuation.resume() }
                    }
                },
            ],
            timeout: .milliseconds(200), logger: Logger(label: "test"))
        let report = await probe.run()
        #expect(report.status == "not_ready")
        #expect(report.checks.map(\.name) == ["fine", "broken", "unexpected", "stuck"])
        #expect(report.checks.map(\.status) == [.up, .down, .down, .down])
        #expect(report.checks[1].error == "disk full")
        #expect(report.checks[2].error == "check failed")
        #expect(report.checks[3].error?.hasPrefix("timed out after") == true)
    }

    @Test func readyAnswers503UntilEveryCheckHolds() async throws {
        let migrations = ReadinessFlag()
        let broker = ReadinessFlag()
        let probe = ReadinessProbe(
            checks: [
                .flag("migrations", migrations, whileUnset: "migrations not yet applied"),
                .broker { guard broker.isSet else { throw CancellationError() } },
            ],
            timeout: .seconds(5), logger: Logger(label: "test"))
        let router = Router(context: GridRequestContext.self)
        HealthRoutes<GridRequestContext>(probe: probe).add(to: router)
        let app = Application(router: router)

        try await app.test(.router) { client in
            try await client.execute(uri: "/health/live", method: .get) { response in
                #expect(response.status == .ok)
                #expect(String(buffer: response.body) == #"{"status":"live"}"#)
            }
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .serviceUnavailable)
                let report = try JSONDecoder().decode(Report.self, from: Data(String(buffer: response.body).utf8))
                #expect(report.status == "not_ready")
                #expect(
                    report.checks == [
                        .init(name: "migrations", status: "down", error: "migrations not yet applied"),
                        .init(name: "broker", status: "down", error: "broker unreachable"),
                    ])
            }
            migrations.set()
            broker.set()
            try await client.execute(uri: "/health/ready", method: .get) { response in
                #expect(response.status == .ok)
                let report = try JSONDecoder().decode(Report.self, from: Data(String(buffer: response.body).utf8))
                #expect(report.status == "ready")
                #expect(report.checks.map(\.status) == ["up", "up"])
            }
        }
    }
}
