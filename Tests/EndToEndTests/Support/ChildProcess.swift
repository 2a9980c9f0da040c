import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program with `posix_spawn` and waits for it with `waitpid`.
///
/// Foundation's `Process` on Linux notices a child's exit only when every descendant has closed an inherited
/// descriptor; `scripts/dev up` leaves PostgreSQL, Tansu and the services running in the background, so its end would
/// never be noticed. This waits for the child itself.
enum ChildProcess {
    /// Runs `executable arguments…` with `environment`, stdin from /dev/null, stdout and stderr to `outputFile`.
    ///
    /// - Returns: the exit status (128 + signal number when killed), or `nil` when it was still running after
    ///   `timeout` (it is then sent SIGTERM).
    static func run(
        _ executable: String, _ arguments: [String], environment: [String: String], outputFile: String, timeout: Duration
    ) async throws(LocalStackError) -> Int32? {
        let pid = try self.spawn(executable, arguments, environment: environment, outputFile: outputFile)
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid {
                let signal = status & 0x7F
                return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
            }
            if result < 0 && errno != EINTR {
                throw LocalStackError("waitpid(\(pid)) failed: errno \(errno)")
            }
            if ContinuousClock.now >= deadline {
                kill(pid, SIGTERM)
                return nil
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }

    private static func spawn(
        _ executable: String, _ arguments: [String], environment: [String: String], outputFile: String
    ) throws(LocalStackError) -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for pointer in argv { free(pointer) }
            for pointer in envp { free(pointer) }
        }
        var pid: pid_t = 0
        let result = argv.withUnsafeBufferPointer { argvBuffer in
            envp.withUnsafeBufferPointer { envpBuffer in
                posix_spawn(
                    &pid, executable, &actions, nil,
                    UnsafeMutablePointer(mutating: argvBuffer.baseAddress!),
                    UnsafeMutablePointer(mutating: envpBuffer.baseAddress!))
            }
        }
        guard result == 0 else { throw LocalStackError("cannot run \(executable): posix_spawn error \(result)") }
        return pid
    }
}
