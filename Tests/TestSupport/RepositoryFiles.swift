import Foundation

/// Files of this checkout that tests read (the sample city, calendars and test policies in `deploy/`, the
/// contracts and docs), found from this file's path so tests run from any working directory.
///
/// ```swift
/// let policy = RepositoryFiles.deploy("policies/short-test-deadline-policy.csv")
/// let schema = RepositoryFiles.root.appendingPathComponent("docs/contracts/case-step.v1.schema.json")
/// ```
public enum RepositoryFiles {
    /// The checkout's root: the nearest folder above this file that holds `deploy/sample-city/places.csv`
    /// (the current directory if none does).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("deploy/sample-city/places.csv").path) {
                return url
            }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `deploy/` of this checkout.
    public static var deployDirectory: URL { root.appendingPathComponent("deploy") }

    /// `deploy/<path>` of this checkout.
    public static func deploy(_ path: String) -> URL { deployDirectory.appendingPathComponent(path) }
}
