import AssessmentService
import GridDomain
import TestSupport

extension SampleCity {
    private static let assessmentCity: Result<AssessmentCity, DataFileError> = Result { () throws(DataFileError) in
        try AssessmentCity(directory: directory)
    }

    /// The sample city as the assessment service loads it (once).
    static func load() throws -> AssessmentCity { try assessmentCity.get() }
}
