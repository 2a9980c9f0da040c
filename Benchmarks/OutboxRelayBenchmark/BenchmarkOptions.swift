/// Command-line options of the outbox relay benchmark.
struct BenchmarkOptions: Sendable {
    /// Events written to the outbox before the relay starts. `--events`, default 200,000.
    var events = 200_000
    /// Distinct message keys (case ids), assigned round-robin. `--keys`, default 1,000.
    var keys = 1_000
    /// Relay batch size. `--batch-size`, default 1,000.
    var batchSize = 1_000
    /// Bytes of JSON data per event. `--payload-bytes`, default 200.
    var payloadBytes = 200
    /// Partitions of the benchmark topic. `--partitions`, default 12.
    var partitions = 12
    /// Where the relay publishes: `kafka` (GridKafka producer) or `discard` (no broker; measures the
    /// PostgreSQL side alone). `--publisher`, default `kafka`.
    var publisher = "kafka"
    /// Bootstrap servers for `kafka`. `--brokers`, required for `kafka`.
    var brokers: String?

    static let usage = """
        usage: OutboxRelayBenchmark [--events N] [--keys N] [--batch-size N] [--payload-bytes N]
                                    [--partitions N] [--publisher kafka|discard] [--brokers HOST:PORT]
        PostgreSQL: GRIDLOOP_TEST_PG_URL (superuser URL; `eval "$(scripts/test-env)"`)
        """

    init(arguments: [String]) throws(OptionsError) {
        var remaining = arguments[...]
        while let flag = remaining.popFirst() {
            guard let value = remaining.popFirst() else { throw OptionsError("\(flag) needs a value\n\(Self.usage)") }
            func integer() throws(OptionsError) -> Int {
                guard let number = Int(value), number > 0 else { throw OptionsError("\(flag) needs a positive integer, got '\(value)'") }
                return number
            }
            switch flag {
            case "--events": events = try integer()
            case "--keys": keys = try integer()
            case "--batch-size": batchSize = try integer()
            case "--payload-bytes": payloadBytes = try integer()
            case "--partitions": partitions = try integer()
            case "--publisher":
                guard ["kafka", "discard"].contains(value) else { throw OptionsError("--publisher is kafka or discard") }
                publisher = value
            case "--brokers": brokers = value
            default: throw OptionsError("unknown option \(flag)\n\(Self.usage)")
            }
        }
        if publisher == "kafka", brokers == nil {
            throw OptionsError("--publisher kafka needs --brokers\n\(Self.usage)")
        }
    }
}

/// A bad command line.
struct OptionsError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
