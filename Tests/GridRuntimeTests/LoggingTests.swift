import Foundation
import GridDomain
import Logging
import Synchronization
import Testing

@testable import GridRuntime

/// Collects log lines written by a handler.
final class CapturedLines: Sendable {
    private let lines = Mutex<[String]>([])
    var output: LogOutput { LogOutput { line in self.lines.withLock { $0.append(line) } } }
    var all: [String] { lines.withLock { $0 } }
    func jsonObjects() throws -> [[String: Any]] {
        try all.map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }
}

@Suite("Logging")
struct LoggingTests {
    @Test func jsonLinesCarryTheFixedFieldsAndFlattenedMetadata() throws {
        let captured = CapturedLines()
        var logger = Logger(label: "intake.http") { label in
            JSONLogHandler(label: label, service: "intake", level: .info, output: captured.output)
        }
        logger[metadataKey: "request_id"] = "r-1"
        logger.with(caseID: "C-2025-000123").info(
            "case filed",
            metadata: ["http": ["route": "/cases", "status": "201"], "units": ["D01", "D02"], "message": "clash"],
            source: "IntakeService")
        logger.debug("not written at info level")

        let objects = try captured.jsonObjects()
        #expect(objects.count == 1)
        let line = try #require(objects.first)
        #expect(line["level"] as? String == "info")
        #expect(line["service"] as? String == "intake")
        #expect(line["logger"] as? String == "intake.http")
        #expect(line["message"] as? String == "case filed")
        #expect(line["source"] as? String == "IntakeService")
        #expect(line["case_id"] as? String == "C-2025-000123")
        #expect(line["request_id"] as? String == "r-1")
        #expect(line["http.route"] as? String == "/cases")
        #expect(line["http.status"] as? String == "201")
        #expect(line["units"] as? [String] == ["D01", "D02"])
        #expect(line["metadata.message"] as? String == "clash")
        let timestamp = try #require(line["timestamp"] as? String)
        let parsed = try Date(timestamp, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        #expect(timestamp.hasSuffix("Z"))
        #expect(abs(parsed.timeIntervalSinceNow) < 3600)
    }

    @Test func personalDataIsMaskedInJSONAndText() throws {
        for format in LogFormat.allCases {
            let captured = CapturedLines()
            let logger = Logger(label: "notification") { label in
                switch format {
                case .json: JSONLogHandler(label: label, service: "notification", output: captured.output)
                case .text: TextLogHandler(label: label, service: "notification", output: captured.output)
                }
            }
            logger.info(
                "calling back 13812345678 about case C-1",
                metadata: [
                    "name": .personal("张三", as: .name),
                    "caller_phone": "13987654321",
                    "content": "井盖缺失，联系 15011112222",
                    "grid": "330102001002003",
                ])
            let text = captured.all.joined(separator: "\n")
            #expect(!text.contains("13812345678") && !text.contains("13987654321") && !text.contains("15011112222"))
            #expect(!text.contains("张三"))
            #expect(text.contains("138****5678") && text.contains("139****4321") && text.contains("150****2222"))
            #expect(text.contains("张*"))
            #expect(text.contains("330102001002003"), "codes must stay readable")
        }
    }

    @Test func textLinesAreReadable() throws {
        let captured = CapturedLines()
        let logger = Logger(label: "routing") { label in
            TextLogHandler(label: label, service: "routing", output: captured.output)
        }
        logger.with(caseID: "C-9").warning("no unit for category", metadata: ["category": "E0102"])
        let line = try #require(captured.all.first)
        #expect(line.hasSuffix(" warning routing: no unit for category case_id=C-9 category=E0102"))
    }

    @Test func serviceLoggingChoosesTheConfiguredFormatAndLevel() throws {
        var configuration = try ServiceConfiguration.load(service: "assessment", source: .environment(ConfigurationTests.minimal))
        configuration.logging = .init(level: .warning, format: .text)
        let captured = CapturedLines()
        let handler = ServiceLogging.makeHandler(label: "assessment", configuration: configuration, output: captured.output)
        #expect(handler is TextLogHandler)
        #expect(handler.logLevel == .warning)
        let logger = Logger(label: "assessment") { _ in handler }
        logger.info("dropped")
        logger.error("kept")
        #expect(captured.all.count == 1)
        #expect(captured.all.first?.contains("error assessment: kept") == true)
    }
}
