#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads the text of a city's data file for the loaders that take a path or URL, so every loader
/// reports an unreadable file the same way.
public enum DataFileReader {
    /// The UTF-8 text of the file at `path`, or a `DataFileError` naming the path.
    public static func read(_ path: String) throws(DataFileError) -> String {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw DataFileError(file: path, line: nil, message: "cannot read the file: \(error)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DataFileError(file: path, line: nil, message: "the file is not UTF-8 text")
        }
        return text
    }

    /// The UTF-8 text of the file at `url`, or a `DataFileError` naming its path.
    public static func read(_ url: URL) throws(DataFileError) -> String {
        try read(url.path)
    }
}
