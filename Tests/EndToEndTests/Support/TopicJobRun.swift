import Foundation

/// Runs the compose topic job's shell script on this machine with a stand-in `kafka-topics.sh` that records its
/// arguments, so a test sees exactly which topics the job would create.
enum TopicJobRun {
    /// One recorded `kafka-topics.sh` call.
    struct Call: CustomStringConvertible {
        var arguments: [String]

        /// The value after `--topic`.
        var topic: String? { self.value(after: "--topic") }
        /// The value after `--partitions`.
        var partitions: Int? { self.value(after: "--partitions").flatMap { Int($0) } }
        /// Every `--config key=value`.
        var configs: [String: String] {
            var result: [String: String] = [:]
            for (index, argument) in self.arguments.enumerated() where argument == "--config" && index + 1 < self.arguments.count {
                let parts = self.arguments[index + 1].split(separator: "=", maxSplits: 1).map(String.init)
                result[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            return result
        }

        var description: String { self.arguments.joined(separator: " ") }

        private func value(after flag: String) -> String? {
            guard let index = self.arguments.firstIndex(of: flag), index + 1 < self.arguments.count else { return nil }
            return self.arguments[index + 1]
        }
    }

    /// The image's `kafka-topics.sh`, which the job must call.
    static let kafkaTopicsPath = "/opt/kafka/bin/kafka-topics.sh"

    /// Runs the job's `bash -c` entrypoint with compose's `$$` unescaped, `topicsFileInContainer` replaced by
    /// `deploy/topics.conf` and `kafka-topics.sh` by a recorder.
    static func run(job: ComposeFile.Service, topicsFileInContainer: String) throws -> [Call] {
        let entrypoint = job.entrypoint
        guard entrypoint.count == 3, entrypoint[0] == "bash", entrypoint[1] == "-c" else {
            throw LocalStackError("kafka-init's entrypoint is not [bash, -c, script]: \(entrypoint)")
        }
        var script = entrypoint[2].replacingOccurrences(of: "$$", with: "$")
        guard script.contains(kafkaTopicsPath), script.contains(topicsFileInContainer) else {
            throw LocalStackError("kafka-init's script does not run \(kafkaTopicsPath) over \(topicsFileInContainer)")
        }
        let directory = NSTemporaryDirectory() + "gridloop-topic-job-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recorder = "\(directory)/kafka-topics.sh"
        let record = "\(directory)/calls"
        try "#!/usr/bin/env bash\nprintf '%s\\037' \"$@\" >>'\(record)'\necho >>'\(record)'\n"
            .write(toFile: recorder, atomically: true, encoding: .utf8)
        // Run through bash rather than exec'd: a process forked meanwhile by a parallel test may still hold the file
        // open for writing, which makes exec fail with "text file busy".
        script = script.replacingOccurrences(of: kafkaTopicsPath, with: "bash \(recorder)")
            .replacingOccurrences(of: topicsFileInContainer, with: RepositoryPaths.path("deploy/topics.conf"))

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["bash", "-c", script]
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw LocalStackError("kafka-init's script exited with status \(process.terminationStatus)")
        }
        let text = (try? String(contentsOfFile: record, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            Call(arguments: line.split(separator: "\u{1F}", omittingEmptySubsequences: false).map(String.init).filter { !$0.isEmpty })
        }
    }
}
