import GridRuntime
import Logging

/// Runs `body` with the publisher chosen by `--publisher`.
func withPublisher<Result: Sendable>(
    options: BenchmarkOptions,
    topic: String,
    logger: Logger,
    _ body: (any MessagePublisher) async throws -> Result
) async throws -> Result {
    try await body(DiscardingPublisher())
}
