import Foundation
import GridDomain
import GridRuntime
import RoutingService
import Testing
import TestSupport

/// Routing's configuration keys and city loading: problems are start-up errors that say what to fix.
@Suite struct StartupTests {
    static let baseEnvironment = [
        "DATABASE_HOST": "127.0.0.1", "DATABASE_NAME": "gridloop", "DATABASE_USER": "routing",
        "AUTH_JWT_SECRET": "0123456789abcdef0123456789abcdef", "KAFKA_BROKERS": "127.0.0.1:9092",
    ]

    @Test func routingNeedsTheCityDirectoryAndReportsEveryBadKeyAtOnce() throws {
        var environment = Self.baseEnvironment
        environment["ROUTING_CONSUMER_BATCH_SIZE"] = "0"
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "routing", source: .environment(environment), extra: RoutingSettings.self)
        }
        let message = try #require(error).description
        #expect(message.contains("GRIDLOOP_CITY_DIR") && message.contains("ROUTING_CONSUMER_BATCH_SIZE"), "\(message)")
    }

    @Test func theSettingsAreReadWithTheirDefaults() throws {
        var environment = Self.baseEnvironment
        environment["GRIDLOOP_CITY_DIR"] = SampleCity.directory
        let (_, settings) = try ServiceConfiguration.load(service: "routing", source: .environment(environment), extra: RoutingSettings.self)
        #expect(settings.cityDirectory == SampleCity.directory)
        #expect(settings.consumerGroup == "routing" && settings.consumerBatchSize == 2000)
        #expect(settings.listVersion == nil && settings.calendarDirectory == nil)
        environment["ROUTING_LIST_VERSION"] = "2025-03"
        environment["ROUTING_CONSUMER_GROUP"] = "routing-blue"
        let (_, custom) = try ServiceConfiguration.load(service: "routing", source: .environment(environment), extra: RoutingSettings.self)
        #expect(custom.listVersion == "2025-03" && custom.consumerGroup == "routing-blue")
    }

    @Test func theDefaultListVersionFollowsTheListsContent() throws {
        let city = try RoutingCity.load(settings: RoutingSettings(cityDirectory: SampleCity.directory))
        let version = city.resolver.list.version
        #expect(version.hasPrefix("sha-") && version.count == 20)
        let again = try RoutingCity.load(settings: RoutingSettings(cityDirectory: SampleCity.directory))
        #expect(again.resolver.list.version == version)

        let copy = try Self.copyOfSampleCity()
        defer { try? FileManager.default.removeItem(at: copy) }
        let list = copy.appendingPathComponent("responsibility-list.csv")
        try (String(contentsOf: list, encoding: .utf8) + "# a comment changes the bytes\n").write(to: list, atomically: true, encoding: .utf8)
        let changed = try RoutingCity.load(
            settings: RoutingSettings(cityDirectory: copy.path, calendarDirectory: RepositoryFiles.deploy("calendar").path))
        #expect(changed.resolver.list.version != version)
    }

    @Test func aBadCityFileStopsTheStartNamingTheFileAndLine() throws {
        let copy = try Self.copyOfSampleCity()
        defer { try? FileManager.default.removeItem(at: copy) }
        let list = copy.appendingPathComponent("responsibility-list.csv")
        try (String(contentsOf: list, encoding: .utf8) + "R99999,E0102,*,,,NO-SUCH-UNIT,,street,,,,,\n").write(to: list, atomically: true, encoding: .utf8)
        let calendar = RepositoryFiles.deploy("calendar").path
        let error = #expect(throws: RoutingStartupError.self) {
            try RoutingCity.load(settings: RoutingSettings(cityDirectory: copy.path, calendarDirectory: calendar))
        }
        let message = try #require(error).description
        #expect(message.contains("responsibility-list.csv") && message.contains("NO-SUCH-UNIT"))

        let missingCalendar = #expect(throws: RoutingStartupError.self) {
            try RoutingCity.load(settings: RoutingSettings(cityDirectory: SampleCity.directory, calendarDirectory: "/nonexistent/calendar"))
        }
        #expect(try #require(missingCalendar).description.contains("/nonexistent/calendar"))
    }

    /// A copy of the sample city in a temporary directory.
    static func copyOfSampleCity() throws -> URL {
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("routing-city-\(UUID().uuidString)")
        try FileManager.default.copyItem(atPath: SampleCity.directory, toPath: target.path)
        return target
    }
}

extension StartupTests {
    @Test func aMissingCityDirectoryAloneIsReported() throws {
        let error = #expect(throws: ConfigurationError.self) {
            try ServiceConfiguration.load(service: "routing", source: .environment(Self.baseEnvironment), extra: RoutingSettings.self)
        }
        #expect(try #require(error).description.contains("GRIDLOOP_CITY_DIR is missing"))
    }
}

extension StartupTests {
    @Test func theLifecycleFollowsTheCitysChoices() throws {
        let lifecycle = try RoutingFixtures.city().lifecycle.configuration
        #expect(lifecycle.maximumExtensions == 2)
        #expect(lifecycle.channelsRequiringVerification == [.citizenApp, .open311, .sensing])
    }
}
