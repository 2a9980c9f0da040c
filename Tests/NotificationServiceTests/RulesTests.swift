import Foundation
import GridDomain
import NotificationService
import Testing

@Suite("Notification rules")
struct RulesTests {
    @Test("the sample city's rules load and cover every unit")
    func sampleCity() throws {
        let city = try NotificationFixtures.city()
        #expect(city.rules.routes.count == 9)
        #expect(city.rules.templates.count == 9)
        #expect(city.rules.coverageProblems(places: city.places, units: city.units).isEmpty)
        for unit in city.units.units {
            let resolved = try #require(city.rules.contacts.resolve(.unit(unit.id), places: city.places))
            #expect(resolved.contact.channel == .sink)
            #expect(resolved.contact.address == "unit-\(unit.id.rawValue)")
        }
        #expect(city.rules.presentation.timeZone.identifier == "Asia/Shanghai")
        #expect(city.rules.presentation.platformName == "临江市城市运行管理服务平台")
    }

    @Test("a community's centre is its street's; an unknown desk walks up to the city's")
    func walkUp() throws {
        let city = try NotificationFixtures.city()
        let community = try PlaceCode("339901001001")
        let resolved = try #require(city.rules.contacts.resolve(.centre(community), places: city.places))
        #expect(resolved.recipient == .centre(try PlaceCode("339901001")))
        let desk = try #require(city.rules.contacts.resolve(.dispatchDesk(try PlaceCode("339901002")), places: city.places))
        #expect(desk.recipient == .dispatchDesk(try PlaceCode("339901")))
        #expect(city.rules.contacts.resolve(.reporter(.sensing), places: city.places) == nil)
        #expect(city.rules.contacts.resolve(.reporter(.hotline12345), places: city.places)?.contact.address == "reporter-12345")
    }

    @Test("contacts.csv errors name the line")
    func contactErrors() throws {
        let city = try NotificationFixtures.city()
        func load(_ rows: String) throws -> ContactBook {
            try ContactBook(csv: "recipient,channel,address,name\n" + rows, file: "contacts.csv", places: city.places, units: city.units)
        }
        func expectError(_ rows: String, line: Int, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(sourceLocation: sourceLocation) {
                try load(rows)
            } throws: { error in
                guard let error = error as? DataFileError else { return false }
                return error.line == line && error.message.contains(text)
            }
        }
        expectError("unit:NOPE,sink,x,\n", line: 2, containing: "unknown unit NOPE")
        expectError("unit:C-URBAN,sms,x,\n", line: 2, containing: "unknown channel 'sms'")
        expectError("unit:C-URBAN,webhook,ftp://x/y,\n", line: 2, containing: "not an http or https URL")
        expectError("centre:339999,sink,x,\n", line: 2, containing: "the city has no place 339999")
        expectError("centre:339901001001001,sink,x,\n", line: 2, containing: "unit grid")
        expectError("reporter:fax,sink,x,\n", line: 2, containing: "unknown channel 'fax'")
        expectError("desk:339901,sink,x,\n", line: 2, containing: "is not a recipient")
        expectError("unit:C-URBAN,sink,a,\nunit:C-URBAN,sink,b,\n", line: 3, containing: "appears twice (first on line 2)")
        let book = try load("*,webhook,https://ops.example/hook?token=s,\nunit:C-URBAN,sink,urban,\n")
        #expect(book.fallback?.channel == .webhook)
        #expect(book.resolve(.unit(UnitID("D339901-SANITATION")), places: city.places)?.contact.channel == .webhook)
        #expect(book.resolve(.reporter(.hotline12345), places: city.places) == nil)
    }

    @Test("routes.csv refuses unknown events, roles not allowed for the event and unknown templates")
    func routeErrors() {
        func expectError(_ rows: String, containing text: String, sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(sourceLocation: sourceLocation) {
                try NotificationRoute.routes(csv: "event,recipients,template\n" + rows, file: "routes.csv", templates: ["t"])
            } throws: { error in
                (error as? DataFileError).map { $0.line == 2 && $0.message.contains(text) } ?? false
            }
        }
        expectError("filed,lead,t\n", containing: "unknown event 'filed'")
        expectError("dispatched,escalation,t\n", containing: "cannot be told of dispatched")
        expectError("closed,reporter,missing\n", containing: "unknown template 'missing'")
    }

    @Test("a city whose contacts miss units and the escalation centre does not start, and says why")
    func coverage() throws {
        let city = try NotificationFixtures.city()
        let contacts = ContactBook(contacts: [.unit(UnitID("C-URBAN")): Contact(channel: .sink, address: "u")], fallback: nil)
        let rules = NotificationRules(
            templates: city.rules.templates, routes: city.rules.routes, contacts: contacts, presentation: city.rules.presentation)
        let problems = rules.coverageProblems(places: city.places, units: city.units)
        #expect(problems.count == 4)
        #expect(problems[0].hasPrefix("\(city.units.units.count - 1) unit(s) have no contact"))
        #expect(problems[1].contains("centre:339900"))
        #expect(problems[2].contains("dispatch_desk:339900"))
        #expect(problems[3].contains("reporter"))
    }

    @Test("a bad file stops loading the city with its path and line")
    func loadingErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("notify-rules-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let sample = URL(fileURLWithPath: NotificationFixtures.cityDirectory).appendingPathComponent("notifications")
        for name in ["templates.csv", "routes.csv", "contacts.csv"] {
            try FileManager.default.copyItem(at: sample.appendingPathComponent(name), to: directory.appendingPathComponent(name))
        }
        try "key,value\ntime_zone,Mars/Olympus\n".write(to: directory.appendingPathComponent("settings.csv"), atomically: true, encoding: .utf8)
        #expect {
            try NotificationCity(directory: NotificationFixtures.cityDirectory, rulesDirectory: directory.path)
        } throws: { error in
            (error as? DataFileError).map { $0.file.hasSuffix("settings.csv") && $0.message.contains("Mars/Olympus") } ?? false
        }
        try FileManager.default.removeItem(at: directory.appendingPathComponent("settings.csv"))
        let loaded = try NotificationCity(directory: NotificationFixtures.cityDirectory, rulesDirectory: directory.path)
        #expect(loaded.rules.presentation.platformName == NoticePresentation.defaultPlatformName)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("routes.csv"))
        #expect {
            try NotificationCity(directory: NotificationFixtures.cityDirectory, rulesDirectory: directory.path)
        } throws: { error in
            (error as? DataFileError).map { $0.file.hasSuffix("routes.csv") && $0.message.contains("cannot read") } ?? false
        }
    }
}
