import Foundation
import GridDomain
import Testing
import TestSupport

@Suite("Lifecycle configuration file")
struct LifecycleConfigurationFileTests {
    @Test func readsEverySetting() throws {
        let text = """
            setting,value,note
            channels_requiring_verification,citizen_app;open311,
            channels_requiring_callback,,no call-backs
            maximum_extensions,2,
            """
        let configuration = try CaseLifecycle.Configuration(csv: text, file: "lifecycle.csv")
        #expect(configuration.channelsRequiringVerification == [.citizenApp, .open311])
        #expect(configuration.channelsRequiringCallback.isEmpty)
        #expect(configuration.maximumExtensions == 2)
    }

    @Test func leavesOmittedSettingsAtTheirDefaults() throws {
        let configuration = try CaseLifecycle.Configuration(csv: "setting,value\nmaximum_extensions,\n", file: "lifecycle.csv")
        #expect(configuration == CaseLifecycle.Configuration())
    }

    @Test(arguments: [
        ("setting,value\nchannels_requiring_callback,12345;fax\n", 2, "unknown channel 'fax'"),
        ("setting,value\nmaximum_extensions,-1\n", 2, "maximum_extensions must be a whole number"),
        ("setting,value\nmaximum_extensions,1\nmaximum_extensions,2\n", 3, "appears twice"),
        ("setting,value\nauto_close,yes\n", 2, "unknown setting 'auto_close'"),
    ])
    func rejectsBadRowsWithTheirLine(text: String, line: Int, message: String) {
        #expect {
            try CaseLifecycle.Configuration(csv: text, file: "lifecycle.csv")
        } throws: { error in
            guard let error = error as? DataFileError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test func theSampleCityFileLoads() throws {
        let city = RepositoryFiles.deploy("sample-city")
        let configuration = try CaseLifecycle.Configuration(cityDirectory: city)
        #expect(!configuration.channelsRequiringVerification.contains(.hotline12345))
        #expect(configuration.channelsRequiringCallback.contains(.hotline12345))
    }
}
