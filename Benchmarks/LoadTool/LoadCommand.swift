import ArgumentParser
import Foundation
import GridKafka
import Logging

/// `gridloop-load`: sends N hotline work orders at rate R to `gridloop.hotline.workorders`, follows
/// `gridloop.case.lifecycle` (and notification's deliveries), and reports throughput and latency percentiles per stage.
@main
struct LoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gridloop-load",
        abstract: "Load a running GridLoop stack with hotline work orders and measure how fast cases move.",
        discussion: """
            Orders are 12345/12319 work orders (contract v1) with categories and points of the city in --city-dir.
            Latency of a stage = when this tool received the stage's event (or, for `notified`, when notification
            recorded the case's first delivery) minus when it sent the order; both on this machine's clock.
            Stages: opened (gridloop.case.reported.v1), filed (gridloop.case.filed.v1), dispatched
            (gridloop.case.dispatched.v1), notified (notification.deliveries, needs --notification-database-url).
            The lifecycle topic is read from the beginning by a new consumer group; events of other orders are skipped.
            """
    )

    @Option(name: .long, help: "Number of work orders to send.")
    var orders: Int = 1000

    @Option(name: .long, help: "Orders per second.")
    var rate: Double = 100

    @Option(name: .long, help: "Kafka bootstrap servers (host:port, comma-separated).")
    var brokers: String = "127.0.0.1:19092"

    @Option(name: .customLong("city-dir"), help: "The city the orders are drawn from (places, grids, catalog).")
    var cityDirectory: String = "deploy/sample-city"

    @Option(name: .customLong("notification-database-url"),
            help: "postgres://user:password@host:port/database of notification's schema, read read-only for `notified`.")
    var notificationDatabaseURL: String?

    @Option(name: .long, parsing: .upToNextOption,
            help: "Stages to wait for (opened, filed, dispatched, notified). Default: filed dispatched, and notified with --notification-database-url.")
    var stages: [Stage] = []

    @Option(name: .long, help: "Seconds to keep waiting after the last order was sent for orders that have not reached every stage.")
    var timeout: Double = 120

    @Option(name: .long, parsing: .upToNextOption,
            help: "Categories to draw from (catalog 小类 codes). Default: every 小类 whose public reports need no on-site verification.")
    var category: [String] = []

    @Option(name: .long, help: "The hotline channel: 12345 or 12319.")
    var channel: String = "12345"

    @Option(name: .long, help: "Seed of the random choice of categories and points (same seed, same orders).")
    var seed: UInt64 = 12_345

    @Option(name: .customLong("order-prefix"), help: "Work-order numbers are <prefix>-<run id>-<serial>.")
    var orderPrefix: String = "LOAD"

    @Flag(name: .customLong("with-caller"),
          help: "Every order has a named caller with a phone (default: 3 in 10 anonymous, 1 in 10 confidential, as on a hotline).")
    var withCaller = false

    @Flag(name: .long, help: "Print every lifecycle event of this run's orders as it arrives.")
    var follow = false

    @Option(name: .long, help: "Also write the report as JSON to this file.")
    var json: String?

    @Option(name: .long, help: "Log level of the Kafka and PostgreSQL clients.")
    var logLevel: String = "warning"

    func validate() throws {
        guard self.orders >= 1 else { throw ValidationError("--orders must be at least 1") }
        guard self.rate > 0 else { throw ValidationError("--rate must be positive") }
        guard self.timeout >= 0 else { throw ValidationError("--timeout must not be negative") }
        guard ["12345", "12319"].contains(self.channel) else { throw ValidationError("--channel must be 12345 or 12319") }
        if self.stages.contains(.notified) && self.notificationDatabaseURL == nil {
            throw ValidationError("the stage notified needs --notification-database-url")
        }
        if let url = self.notificationDatabaseURL { _ = try DatabaseLocation(url: url) }
    }

    func run() async throws {
        var logger = Logger(label: "gridloop-load")
        logger.logLevel = Logger.Level(rawValue: self.logLevel) ?? .warning
        let factory = try WorkOrderFactory(
            cityDirectory: self.cityDirectory, categories: self.category, channel: self.channel, seed: self.seed,
            alwaysCaller: self.withCaller)
        let runID = WorkOrderFactory.runID()
        let awaited = self.awaitedStages
        let ledger = OrderLedger(expected: self.orders)
        let kafka = KafkaConfiguration(
            bootstrapServers: self.brokers.split(separator: ",").map(String.init),
            clientID: "gridloop-load",
            properties: ["reconnect.backoff.ms": "100", "reconnect.backoff.max.ms": "1000"]
        )
        let printer = self.follow ? FollowPrinter() : nil
        let follower = try LifecycleFollower(
            kafka: kafka, orderPrefix: "\(self.orderPrefix)-\(runID)-", ledger: ledger, printer: printer, logger: logger)
        let probe = try self.notificationDatabaseURL.map {
            try NotificationProbe(location: try DatabaseLocation(url: $0), ledger: ledger, logger: logger)
        }
        let producer = try KafkaProducer(
            configuration: KafkaProducer.Configuration(kafka: kafka, linger: .milliseconds(5)), logger: logger)

        FileHandle.standardError.write(Data("gridloop-load: run \(runID): \(self.orders) orders at \(self.rate)/s to \(self.brokers); \(factory.summary)\n".utf8))
        let outcome = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await producer.run() }
            group.addTask { try await follower.run() }
            if let probe { group.addTask { try await probe.run() } }
            defer { group.cancelAll() }
            try await follower.waitUntilAssigned(timeout: .seconds(60))
            let sender = OrderSender(producer: producer, factory: factory, ledger: ledger, logger: logger)
            let sending = try await sender.send(
                count: self.orders, rate: self.rate, orderPrefix: "\(self.orderPrefix)-\(runID)")
            let waited = await ledger.wait(for: awaited, timeout: .seconds(self.timeout), progress: FileHandle.standardError)
            return (sending, waited)
        }
        let report = LoadReport(
            runID: runID, orders: self.orders, rate: self.rate, sending: outcome.0, ledger: ledger.snapshot(),
            awaited: awaited, timedOut: !outcome.1, timeout: self.timeout,
            notificationError: probe?.lastError)
        print(report.text)
        if let json = self.json {
            try report.json().write(to: URL(fileURLWithPath: json))
        }
    }

    /// The stages to wait for: `--stages`, else filed and dispatched (and notified when the database is given).
    var awaitedStages: [Stage] {
        if !self.stages.isEmpty { return self.stages }
        return self.notificationDatabaseURL == nil ? [.filed, .dispatched] : [.filed, .dispatched, .notified]
    }
}
