#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain

extension NotificationRules {
    /// File names inside the notification folder.
    public struct Files: Sendable, Hashable {
        /// Templates. Default `templates.csv`.
        public var templates = "templates.csv"
        /// Routes. Default `routes.csv`.
        public var routes = "routes.csv"
        /// Contacts. Default `contacts.csv`.
        public var contacts = "contacts.csv"
        /// Presentation settings (optional file). Default `settings.csv`.
        public var settings = "settings.csv"

        /// The default names.
        public init() {}
    }

    /// Loads and checks the rules in `directory` (the city's `notifications/` folder).
    /// - Throws: `DataFileError` naming the file and line of the first problem, or listing the coverage
    ///   problems (``coverageProblems(places:units:)``).
    public init(directory: String, places: PlaceHierarchy, units: UnitRegistry, files: Files = Files()) throws(DataFileError) {
        func path(_ name: String) -> String { directory.hasSuffix("/") ? directory + name : directory + "/" + name }
        let templates = try MessageTemplate.templates(csv: try Self.read(path(files.templates)), file: path(files.templates))
        let routes = try NotificationRoute.routes(
            csv: try Self.read(path(files.routes)), file: path(files.routes), templates: Set(templates.keys))
        let contacts = try ContactBook(
            csv: try Self.read(path(files.contacts)), file: path(files.contacts), places: places, units: units)
        let settingsPath = path(files.settings)
        let settingsText = FileManager.default.fileExists(atPath: settingsPath) ? try Self.read(settingsPath) : nil
        let presentation = try NoticePresentation(csv: settingsText, file: settingsPath)
        self.init(templates: templates, routes: routes, contacts: contacts, presentation: presentation)
        let problems = coverageProblems(places: places, units: units)
        if !problems.isEmpty {
            throw DataFileError(file: path(files.contacts), line: nil, message: problems.joined(separator: "; "))
        }
    }

    static func read(_ path: String) throws(DataFileError) -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DataFileError(file: path, line: nil, message: "cannot read the file: \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, line: nil, message: "the file is not UTF-8 text")
        }
        return text
    }
}
