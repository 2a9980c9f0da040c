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
        let templates = try MessageTemplate.templates(csv: try DataFileReader.read(path(files.templates)), file: path(files.templates))
        let routes = try NotificationRoute.routes(
            csv: try DataFileReader.read(path(files.routes)), file: path(files.routes), templates: Set(templates.keys))
        let contacts = try ContactBook(
            csv: try DataFileReader.read(path(files.contacts)), file: path(files.contacts), places: places, units: units)
        let settingsPath = path(files.settings)
        let settingsText = FileManager.default.fileExists(atPath: settingsPath) ? try DataFileReader.read(settingsPath) : nil
        let presentation = try NoticePresentation(csv: settingsText, file: settingsPath)
        self.init(templates: templates, routes: routes, contacts: contacts, presentation: presentation)
        let problems = coverageProblems(places: places, units: units)
        if !problems.isEmpty {
            throw DataFileError(file: path(files.contacts), line: nil, message: problems.joined(separator: "; "))
        }
    }
}
