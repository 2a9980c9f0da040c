import Foundation

/// Runs librdkafka's blocking calls on threads of their own, so they never occupy Swift's cooperative pool.
enum DedicatedThread {
    /// Runs `body` on a new thread and returns its result.
    ///
    /// Not cancellable: `body` must be bounded by its own timeout.
    static func run<Value: Sendable>(name: String, _ body: @escaping @Sendable () -> Value) async -> Value {
        await withCheckedContinuation { continuation in
            let thread = Thread {
                Thread.current.name = name
                continuation.resume(returning: body())
            }
            thread.start()
        }
    }
}
