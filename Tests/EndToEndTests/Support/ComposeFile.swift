import Foundation
import Yams

/// `deploy/compose.yaml`, parsed with Yams (merge keys `<<:` resolved), with typed access to what the static checks
/// read. Compose's short and long forms are both accepted (environment as a map or a `KEY=value` list, `depends_on`
/// as a list or a map).
struct ComposeFile {
    /// One entry of `services:`.
    struct Service {
        /// The service's key.
        var name: String
        /// The service's mapping as parsed.
        var mapping: [String: Any]

        /// `image`, if any.
        var image: String? { self.mapping["image"] as? String }

        /// `environment`, values as strings.
        var environment: [String: String] {
            if let map = self.mapping["environment"] as? [String: Any] {
                return map.mapValues(ComposeFile.scalar)
            }
            var result: [String: String] = [:]
            for entry in self.mapping["environment"] as? [Any] ?? [] {
                let text = ComposeFile.scalar(entry)
                let parts = text.split(separator: "=", maxSplits: 1)
                result[String(parts[0])] = parts.count > 1 ? String(parts[1]) : ""
            }
            return result
        }

        /// `depends_on`: service → condition (`service_started` for the list form).
        var dependsOn: [String: String] {
            if let list = self.mapping["depends_on"] as? [Any] {
                return Dictionary(uniqueKeysWithValues: list.map { (ComposeFile.scalar($0), "service_started") })
            }
            let map = self.mapping["depends_on"] as? [String: Any] ?? [:]
            return map.mapValues { (($0 as? [String: Any])?["condition"] as? String) ?? "service_started" }
        }

        /// `healthcheck.test` joined into one command line (`CMD`/`CMD-SHELL` dropped).
        var healthcheckCommand: String? {
            guard let healthcheck = self.mapping["healthcheck"] as? [String: Any] else { return nil }
            if let text = healthcheck["test"] as? String { return text }
            let parts = (healthcheck["test"] as? [Any] ?? []).map(ComposeFile.scalar)
            return parts.filter { $0 != "CMD" && $0 != "CMD-SHELL" }.joined(separator: " ")
        }

        /// `deploy.replicas` (`nil` when not set; compose then runs 1).
        var replicas: Int? { (self.mapping["deploy"] as? [String: Any])?["replicas"] as? Int }

        /// `build`: context, dockerfile and args.
        var build: (context: String, dockerfile: String, args: [String: String])? {
            guard let build = self.mapping["build"] as? [String: Any], let context = build["context"] as? String else {
                return nil
            }
            let args = (build["args"] as? [String: Any] ?? [:]).mapValues(ComposeFile.scalar)
            return (context, build["dockerfile"] as? String ?? "Dockerfile", args)
        }

        /// `volumes` in short form (`source:target[:mode]`).
        var volumes: [String] { (self.mapping["volumes"] as? [Any] ?? []).map(ComposeFile.scalar) }

        /// `entrypoint` as a list (a string is one element).
        var entrypoint: [String] {
            if let text = self.mapping["entrypoint"] as? String { return [text] }
            return (self.mapping["entrypoint"] as? [Any] ?? []).map(ComposeFile.scalar)
        }

        /// The container path a host path relative to the compose file's directory is mounted at.
        func mountTarget(ofSource source: String) -> String? {
            for volume in self.volumes {
                let parts = volume.split(separator: ":").map(String.init)
                if parts.count >= 2, parts[0] == source { return parts[1] }
            }
            return nil
        }
    }

    /// The compose file's path.
    let path: String
    /// The raw text (for variable references).
    let text: String
    /// The parsed document.
    let root: [String: Any]

    /// Loads `deploy/compose.yaml` of this repository.
    static func load(_ relativePath: String = "deploy/compose.yaml") throws -> ComposeFile {
        let path = RepositoryPaths.path(relativePath)
        let text = try String(contentsOfFile: path, encoding: .utf8)
        guard let root = try Yams.load(yaml: text) as? [String: Any] else {
            throw LocalStackError("\(path) is not a YAML mapping")
        }
        return ComposeFile(path: path, text: text, root: root)
    }

    /// The directory of the compose file (relative paths in it are resolved from here).
    var directory: String { URL(fileURLWithPath: self.path).deletingLastPathComponent().path }

    /// The names under `services:`.
    var serviceNames: [String] { Array((self.root["services"] as? [String: Any] ?? [:]).keys).sorted() }

    /// The service named `name`.
    func service(_ name: String) -> Service? {
        guard let mapping = (self.root["services"] as? [String: Any])?[name] as? [String: Any] else { return nil }
        return Service(name: name, mapping: mapping)
    }

    /// The services whose `image` starts with `prefix`.
    func services(withImagePrefix prefix: String) -> [Service] {
        self.serviceNames.compactMap(self.service).filter { $0.image?.hasPrefix(prefix) ?? false }
    }

    /// Variables the file interpolates (`${NAME}`, `${NAME:?…}`, `${NAME:-default}`) and whether each has a default.
    var interpolatedVariables: [String: Bool] {
        var result: [String: Bool] = [:]
        let pattern = try! NSRegularExpression(pattern: #"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)(:?[-?+])?"#)
        let range = NSRange(self.text.startIndex..., in: self.text)
        for match in pattern.matches(in: self.text, range: range) {
            let name = String(self.text[Range(match.range(at: 1), in: self.text)!])
            let modifier = Range(match.range(at: 2), in: self.text).map { String(self.text[$0]) } ?? ""
            result[name] = (result[name] ?? false) || modifier.hasSuffix("-")
        }
        return result
    }

    /// A YAML scalar as compose reads it (numbers and booleans as their text).
    static func scalar(_ value: Any) -> String {
        switch value {
        case let text as String: text
        case let bool as Bool: bool ? "true" : "false"
        default: "\(value)"
        }
    }
}
