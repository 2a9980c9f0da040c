import Foundation

/// Paths in this repository checkout, found from this file's location.
enum RepositoryPaths {
    /// The repository root (`Package.swift`, `scripts/`, `deploy/`).
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)  // Tests/EndToEndTests/Support/RepositoryPaths.swift
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// `root/relative`.
    static func path(_ relative: String) -> String { "\(root)/\(relative)" }

    /// The text of `root/relative`.
    static func text(_ relative: String) throws -> String {
        try String(contentsOfFile: path(relative), encoding: .utf8)
    }
}
