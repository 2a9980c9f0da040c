import Foundation

/// `deploy/topics.conf`: one topic per line — name, partitions, then `key=value` configs; `#` comments.
struct TopicsFile {
    /// One topic.
    struct Topic: Hashable {
        var name: String
        var partitions: Int
        var configs: [String: String]
    }

    /// The topics in file order.
    let topics: [Topic]

    /// Loads `deploy/topics.conf` of this repository.
    static func load() throws -> TopicsFile {
        var topics: [Topic] = []
        for (index, line) in try RepositoryPaths.text("deploy/topics.conf").split(separator: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            let fields = trimmed.split(whereSeparator: \.isWhitespace).map(String.init)
            guard fields.count >= 2, let partitions = Int(fields[1]) else {
                throw LocalStackError("deploy/topics.conf line \(index + 1): expected 'name partitions [configs…]'")
            }
            var configs: [String: String] = [:]
            for config in fields.dropFirst(2) {
                let parts = config.split(separator: "=", maxSplits: 1).map(String.init)
                configs[parts[0]] = parts.count > 1 ? parts[1] : ""
            }
            topics.append(Topic(name: fields[0], partitions: partitions, configs: configs))
        }
        return TopicsFile(topics: topics)
    }
}
