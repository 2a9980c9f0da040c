import Foundation
public import GridDomain

/// The sample city in `deploy/sample-city`. A service's tests load it the way their service does, from
/// ``directory``, once per test process.
public enum SampleCity {
    /// The directory holding the sample city's files.
    public static var directory: String { RepositoryFiles.deploy("sample-city").path }

    private static let loadedReference: Result<CityReferenceData, DataFileError> = Result { () throws(DataFileError) in
        try CityReferenceData(directory: directory, listVersion: "sample")
    }

    /// The sample city's reference data (places, catalog, units and 权责清单, list version `sample`),
    /// loaded once.
    public static func reference() throws(DataFileError) -> CityReferenceData { try loadedReference.get() }
}
