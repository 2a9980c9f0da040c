import Foundation
import GridDomain

/// The city as intake uses it, loaded once at start-up from `GRIDLOOP_CITY_DIR`: places and grids,
/// the catalog (filing and verification rules), and the lifecycle configuration (`lifecycle.csv`)
/// shared by every service (replicas must apply steps with the producers' configuration).
struct IntakeCity: Sendable {
    /// The directory the city was loaded from.
    let directory: String
    /// Places, catalog, units, 权责清单.
    let reference: CityReferenceData
    /// The lifecycle with the city's configuration (`lifecycle.csv`), the same every service loads.
    let lifecycle: CaseLifecycle
    /// The bytes that define the grids (for the load fingerprint).
    let gridFingerprintSource: [UInt8]

    /// Loads the city.
    /// - Throws: ``IntakeStartupError`` naming the file and line of the first problem.
    static func load(directory: String) throws(IntakeStartupError) -> IntakeCity {
        let configuration = CityReferenceData.Configuration()
        do {
            let reference = try CityReferenceData(directory: directory, listVersion: "intake", configuration: configuration)
            let lifecycle = CaseLifecycle(configuration: try CaseLifecycle.Configuration(cityDirectory: URL(fileURLWithPath: directory)))
            let source = try GridLoader.fingerprintSource(directory: directory, configuration: configuration)
            return IntakeCity(directory: directory, reference: reference, lifecycle: lifecycle, gridFingerprintSource: source)
        } catch let error as DataFileError {
            throw IntakeStartupError(code: .invalidCity, message: "the city in \(directory) cannot be loaded: \(error)")
        } catch {
            throw IntakeStartupError(code: .invalidCity, message: "the city in \(directory) cannot be read: \(error)")
        }
    }
}

/// Why intake cannot start. Extensible: new codes are not a breaking change.
public struct IntakeStartupError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of problem.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }
        /// `GRIDLOOP_CITY_DIR` is not set.
        public static let cityDirectoryMissing = Code("city directory missing")
        /// A city file is missing or invalid.
        public static let invalidCity = Code("invalid city")
        /// A configuration value is unusable.
        public static let invalidConfiguration = Code("invalid configuration")
        /// The name of the code.
        public var description: String { name }
    }

    /// The kind of problem.
    public let code: Code
    /// What is wrong and how to fix it.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `intake cannot start: <message>`.
    public var description: String { "intake cannot start: \(message)" }
}
