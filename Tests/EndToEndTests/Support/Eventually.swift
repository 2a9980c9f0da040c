/// Polls `condition` until it returns a value, or throws after `timeout`.
///
/// The timeout is a bound against hanging, not a speed assertion: choose it generously (the services run in debug
/// builds on a shared machine). `what` names the awaited state in the error.
///
/// ```swift
/// let filed = try await eventually("the case is filed", timeout: .seconds(60)) {
///     log.events(ofCase: caseId).first { $0.type == "gridloop.case.filed.v1" }
/// }
/// ```
func eventually<Value>(
    _ what: String,
    timeout: Duration = .seconds(60),
    every interval: Duration = .milliseconds(200),
    _ condition: () async throws -> Value?
) async throws -> Value {
    let deadline = ContinuousClock.now.advanced(by: timeout)
    while true {
        if let value = try await condition() { return value }
        guard ContinuousClock.now < deadline else {
            throw LocalStackError("timed out after \(timeout) waiting until \(what)")
        }
        try await Task.sleep(for: interval)
    }
}

/// Polls `condition` until it is true, or throws after `timeout` (the Boolean form of ``eventually(_:timeout:every:_:)``).
func waitUntil(
    _ what: String,
    timeout: Duration = .seconds(60),
    every interval: Duration = .milliseconds(200),
    _ condition: () async throws -> Bool
) async throws {
    _ = try await eventually(what, timeout: timeout, every: interval) { try await condition() ? true : nil }
}
