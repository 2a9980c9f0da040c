import Hummingbird
import HummingbirdTesting
import Metrics
import Prometheus
import NIOCore
import Testing

@testable import GridRuntime

@Suite("Metrics")
struct MetricsTests {
    @Test func requestsAreCountedAndTimedByRouteAndStatus() async throws {
        let metrics = ServiceMetrics()
        let router = Router(context: GridRequestContext.self)
        router.add(middleware: RequestIDMiddleware())
        router.add(middleware: HTTPMetricsMiddleware(factory: metrics.factory))
        router.add(middleware: ProblemMiddleware())
        router.get("/cases/:id") { _, context -> String in
            let id = try context.parameters.require("id")
            guard id != "missing" else { throw APIError.notFound("no case \(id)") }
            return id
        }
        router.get("/metrics") { _, _ in metrics.render() }
        let app = Application(router: router)

        try await app.test(.router) { client in
            for id in ["C-1", "C-2", "missing"] {
                try await client.execute(uri: "/cases/\(id)", method: .get) { _ in }
            }
            try await client.execute(uri: "/nowhere", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/metrics", method: .get) { response in
                let text = String(buffer: response.body)
                let lines = text.split(separator: "\n").map(String.init)
                func sample(_ name: String, _ labels: [String]) -> String? {
                    lines.first { line in line.hasPrefix(name + "{") && labels.allSatisfy { line.contains($0) } }
                }
                let ok = sample("http_requests_total", [#"route="/cases/{id}""#, #"method="GET""#, #"status="200""#])
                #expect(ok?.hasSuffix(" 2") == true, "\(text)")
                let missing = sample("http_requests_total", [#"route="/cases/{id}""#, #"status="404""#])
                #expect(missing?.hasSuffix(" 1") == true)
                let notFound = sample("http_requests_total", [#"route="NotFound""#, #"status="404""#])
                #expect(notFound?.hasSuffix(" 1") == true)
                let durations = sample("http_request_duration_seconds_count", [#"route="/cases/{id}""#, #"status="200""#])
                #expect(durations?.hasSuffix(" 2") == true)
                #expect(sample("http_request_duration_seconds_bucket", [#"le="0.005""#]) != nil)
            }
        }
    }

    @Test(arguments: [
        ("intake_cases_opened_total", "intake_cases_opened_total"), ("dlt.error:type", "dlt_error:type"),
        ("consumer-lag", "consumer_lag"), ("案件_total", "案件_total"), ("a b/c", "a_b_c"), ("", ""),
    ])
    func namesAndLabelsAreSanitizedForPrometheus(name: String, sanitized: String) {
        #expect(ServiceMetrics.sanitize(name) == sanitized)
    }

    /// The value of the sample of `name` with labels route, method, status (in any order), if present.
    static func sample(_ text: String, _ name: String, _ values: [String]) -> Double? {
        let labels = zip(["route", "method", "status"], values).map { "\($0)=\"\($1)\"" }
        let line = text.split(separator: "\n").first { line in
            line.hasPrefix(name + "{") && labels.allSatisfy { line.contains($0) }
        }
        return line.flatMap { $0.split(separator: " ").last }.flatMap { Double($0) }
    }

    @Test func thirdPartyMetricNamesAreSanitised() {
        let metrics = ServiceMetrics()
        let counter = metrics.factory.makeCounter(label: "hb.requests", dimensions: [("http.route", "/x")])
        counter.increment(by: 3)
        #expect(metrics.render().contains(#"hb_requests{http_route="/x"} 3"#))
    }
}
