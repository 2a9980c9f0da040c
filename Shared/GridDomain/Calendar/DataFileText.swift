import Foundation

/// Reads a data file's text for the loaders in Calendar and Deadlines.
enum DataFileText {
    /// The UTF-8 text at `url`, or a `DataFileError` naming the file.
    static func read(_ url: URL) throws(DataFileError) -> String {
        do {
            return try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw DataFileError(file: url.path, line: nil, message: "cannot read the file as UTF-8 text (\(error.localizedDescription))")
        }
    }
}
