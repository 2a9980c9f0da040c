import Dispatch
public import Hummingbird
public import Metrics

/// Records standard HTTP metrics for every request:
/// - `http_requests_total` (counter) and
/// - `http_request_duration_seconds` (histogram)
///
/// with dimensions `route` (the matched route pattern, e.g. `/cases/{id}`; `NotFound` when none
/// matched), `method` and `status`. Place it outside ``ProblemMiddleware`` so errors are counted with their final status.
public struct HTTPMetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    private let factory: any MetricsFactory

    /// Creates the middleware; pass the service's factory (``ServiceMetrics/factory``).
    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
    }

    /// Times the request and counts it with its final status.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = DispatchTime.now().uptimeNanoseconds
        do {
            let response = try await next(request, context)
            record(request: request, context: context, status: response.status.code, start: start)
            return response
        } catch {
            let status = (error as? any HTTPResponseError)?.status.code ?? 500
            record(request: request, context: context, status: status, start: start)
            throw error
        }
    }

    private func record(request: Request, context: Context, status: Int, start: UInt64) {
        let dimensions = [
            ("route", context.endpointPath ?? "NotFound"),
            ("method", request.method.rawValue),
            ("status", String(status)),
        ]
        Counter(label: "http_requests_total", dimensions: dimensions, factory: factory).increment()
        Metrics.Timer(label: "http_request_duration_seconds", dimensions: dimensions, factory: factory)
            .recordNanoseconds(Int64(DispatchTime.now().uptimeNanoseconds - start))
    }
}
