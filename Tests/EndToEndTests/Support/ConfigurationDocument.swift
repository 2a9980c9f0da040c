import Foundation

/// The settings tables of `docs/configuration.md`: which variables are **required**, for every service (the common
/// and Kafka sections) or for one service (its `### <service>` section).
struct ConfigurationDocument {
    /// Variables required by every service.
    let requiredByAll: Set<String>
    /// Variables required by one service (section `### intake` …), by service name.
    let requiredByService: [String: Set<String>]
    /// Every variable the document describes.
    let described: Set<String>

    /// Reads `docs/configuration.md` of this repository.
    static func load() throws -> ConfigurationDocument {
        var requiredByAll: Set<String> = []
        var requiredByService: [String: Set<String>] = [:]
        var described: Set<String> = []
        var section: String?
        for line in try RepositoryPaths.text("docs/configuration.md").split(separator: "\n") {
            if line.hasPrefix("### ") {
                section = line.dropFirst(4).trimmingCharacters(in: .whitespaces)
                continue
            }
            if line.hasPrefix("## ") {
                section = nil
                continue
            }
            guard line.hasPrefix("| `") else { continue }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard cells.count > 3 else { continue }
            let name = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            guard name.allSatisfy({ $0.isUppercase || $0.isNumber || $0 == "_" }), !name.contains("<") else { continue }
            described.insert(name)
            guard cells[3].contains("**required**") else { continue }
            if let section {
                requiredByService[section, default: []].insert(name)
            } else {
                requiredByAll.insert(name)
            }
        }
        return ConfigurationDocument(
            requiredByAll: requiredByAll, requiredByService: requiredByService, described: described)
    }
}
