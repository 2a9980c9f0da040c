// Outbox relay throughput: events per second from committed outbox rows to delivered messages.
//
// Writes --events events to a fresh database's outbox (not timed), then starts the relay and times
// until the outbox is empty — every row published, its delivery report received, and the row deleted.
// Run through Benchmarks/outbox-relay.sh, which starts the broker and builds in release mode.
import Foundation
import GridRuntime
import Logging
import PostgresNIO
import TestSupport

let options: BenchmarkOptions
do {
    options = try BenchmarkOptions(arguments: Array(CommandLine.arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("\(error)\n".utf8))
    exit(2)
}

var logger = Logger(label: "gridloop.benchmark.outbox-relay") { StreamLogHandler.standardError(label: $0) }
logger.logLevel = .warning

let result = try await runBenchmark(options: options, logger: logger)

print(
    """
    outbox relay: \(options.events) events, \(options.keys) keys, \(options.payloadBytes)-byte data, \
    batch \(options.batchSize), publisher \(options.publisher)
      elapsed \(String(format: "%.3f", result.seconds)) s, \(Int(result.eventsPerSecond)) events/s
    """
)
