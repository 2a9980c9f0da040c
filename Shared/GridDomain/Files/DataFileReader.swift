#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads a data file's text for the path-taking loader conveniences.
enum DataFileReader {
    /// The UTF-8 text of the file at `path`, or a `DataFileError` naming the path.
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
