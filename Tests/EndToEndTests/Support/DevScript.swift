import Foundation

/// Runs `scripts/dev` for one stack: fixed environment (state directory, ports, no build), output appended to the
/// stack's `harness.log`.
struct DevScript: Sendable {
    /// `<repository>/scripts/dev`.
    let executable: String
    /// The complete environment of every run (the test process's, plus the stack's settings).
    let environment: [String: String]
    /// Where each run's command line and output are appended.
    let logFile: String

    /// Runs `scripts/dev arguments…`, waits at most `timeout`, and returns its output (stdout and stderr).
    ///
    /// - Throws: ``LocalStackError`` when it cannot start, exits non-zero (with the last lines of its output), or
    ///   runs out of time (it is then terminated).
    @discardableResult
    func run(_ arguments: [String], timeout: Duration) async throws(LocalStackError) -> String {
        let outputFile = NSTemporaryDirectory() + "gridloop-dev-\(UUID().uuidString.prefix(8)).out"
        defer { try? FileManager.default.removeItem(atPath: outputFile) }
        let status = try await ChildProcess.run(
            self.executable, arguments, environment: self.environment, outputFile: outputFile, timeout: timeout)
        let text = (try? String(contentsOfFile: outputFile, encoding: .utf8)) ?? ""
        self.appendToLog("$ scripts/dev \(arguments.joined(separator: " "))\n\(text)")
        guard let status else {
            throw LocalStackError("scripts/dev \(arguments.joined(separator: " ")) did not finish within \(timeout); output:\n\(Self.tail(text))")
        }
        guard status == 0 else {
            throw LocalStackError("scripts/dev \(arguments.joined(separator: " ")) exited with status \(status):\n\(Self.tail(text))")
        }
        return text
    }

    private func appendToLog(_ text: String) {
        if !FileManager.default.fileExists(atPath: self.logFile) {
            _ = FileManager.default.createFile(atPath: self.logFile, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: self.logFile) else { return }
        handle.seekToEndOfFile()
        handle.write(Data(text.utf8))
        try? handle.close()
    }

    /// The last `lines` lines of `text`.
    static func tail(_ text: String, lines: Int = 40) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}
