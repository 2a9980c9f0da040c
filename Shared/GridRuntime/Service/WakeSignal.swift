import Synchronization

/// A one-bit signal between a producer of wake-ups (a `LISTEN` notification) and one waiting loop:
/// ``signal()`` wakes the waiter, or is remembered until the next ``wait(timeout:)``. The outbox relay
/// waits on one between rounds; a service's timer loop can do the same.
public final class WakeSignal: Sendable {
    private struct State: ~Copyable {
        var isSignalled = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    /// Creates a signal that is not signalled.
    public init() {}

    /// Wakes the waiting loop, or makes its next wait return at once.
    public func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            if let waiter = state.waiter {
                state.waiter = nil
                return waiter
            }
            state.isSignalled = true
            return nil
        }
        waiter?.resume()
    }

    /// Returns when signalled, after `timeout`, or when the task is cancelled, whichever comes first.
    public func wait(timeout: Duration) async {
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await self.nextSignal() }
            group.addTask { try? await Task.sleep(for: timeout) }
            await group.next()
            group.cancelAll()
        }
    }

    private func nextSignal() async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let resumeNow = state.withLock { state -> Bool in
                    if state.isSignalled {
                        state.isSignalled = false
                        return true
                    }
                    if Task.isCancelled { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
                defer { state.waiter = nil }
                return state.waiter
            }
            waiter?.resume()
        }
    }
}
