import Synchronization

/// A one-shot latch: tasks wait until the startup step (migrations) has completed.
final class StartupGate: Sendable {
    private enum State {
        case closed([UInt64: CheckedContinuation<Bool, Never>])
        case open
    }
    private let state = Mutex<(State, UInt64)>((.closed([:]), 0))

    /// Opens the gate and releases every waiter.
    func open() {
        let waiters = state.withLock { value -> [CheckedContinuation<Bool, Never>] in
            guard case .closed(let waiters) = value.0 else { return [] }
            value.0 = .open
            return Array(waiters.values)
        }
        waiters.forEach { $0.resume(returning: true) }
    }

    /// Waits until the gate opens (`true`) or the task is cancelled (`false`).
    func wait() async -> Bool {
        let id = state.withLock { value -> UInt64 in
            value.1 += 1
            return value.1
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let resumeNow: Bool? = state.withLock { value in
                    switch value.0 {
                    case .open: return true
                    case .closed(var waiters):
                        if Task.isCancelled { return false }
                        waiters[id] = continuation
                        value.0 = .closed(waiters)
                        return nil
                    }
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            let waiter = state.withLock { value -> CheckedContinuation<Bool, Never>? in
                guard case .closed(var waiters) = value.0 else { return nil }
                let waiter = waiters.removeValue(forKey: id)
                value.0 = .closed(waiters)
                return waiter
            }
            waiter?.resume(returning: false)
        }
    }
}
