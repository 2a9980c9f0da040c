import AssessmentService
import Foundation
import GridDomain

/// The sample city in `deploy/sample-city`, loaded once for all tests.
enum SampleCity {
    /// The directory holding the sample city's files.
    static let directory: String = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
        while url.path != "/" {
            url.deleteLastPathComponent()
            let candidate = url.appendingPathComponent("deploy/sample-city")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("places.csv").path) {
                return candidate.path
            }
        }
        return "deploy/sample-city"
    }()

    private static let loaded: Result<AssessmentCity, DataFileError> = Result { () throws(DataFileError) in
        try AssessmentCity(directory: directory)
    }

    /// The sample city.
    static func load() throws -> AssessmentCity { try loaded.get() }
}
