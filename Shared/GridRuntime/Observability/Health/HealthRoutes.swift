import HTTPTypes
public import Hummingbird

/// `/health/live` and `/health/ready`.
///
/// - `GET /health/live` → 200 `{"status":"live"}` while the process serves HTTP.
/// - `GET /health/ready` → 200 when every ``ReadinessCheck`` is up, 503 otherwise, with
///   `{"status":"ready"|"not_ready","checks":[{"name":"database","status":"up"}, …]}`.
public struct HealthRoutes<Context: RequestContext>: Sendable {
    let probe: ReadinessProbe

    /// Creates the routes over a probe.
    public init(probe: ReadinessProbe) {
        self.probe = probe
    }

    /// Adds the two routes to `router`.
    public func add(to router: Router<Context>) {
        router.get("/health/live") { request, context -> Response in
            try Self.json(["status": "live"], status: .ok, request: request, context: context)
        }
        router.get("/health/ready") { request, context -> Response in
            let report = await probe.run()
            return try Self.json(report, status: report.isReady ? .ok : .serviceUnavailable, request: request, context: context)
        }
    }

    private static func json(_ value: some Encodable, status: HTTPResponse.Status, request: Request, context: Context) throws -> Response {
        var response = try context.responseEncoder.encode(value, from: request, context: context)
        response.status = status
        response.headers[.cacheControl] = "no-store"
        return response
    }
}
