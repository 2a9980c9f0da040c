// Producer throughput of GridKafka, for comparison with librdkafka's rdkafka_performance (see kafka-producer.sh).
//
//   KafkaProducerBenchmark --brokers 127.0.0.1:9092 --topic perf --count 1000000 --size 100 [--partitions 3]
//                          [--create-only] [--chunk 10000] [--chunks-in-flight 8]
//
// Sends --count messages of --size bytes (no key, like rdkafka_performance without -k) with the producer's
// defaults (idempotent, acks=all, linger.ms=5, batch.num.messages=10000), as concurrent send(batch:) calls of
// --chunk messages, and prints messages per second from the first send to the last delivery report.
import GridKafka
import Logging

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Options {
    var brokers = "127.0.0.1:9092"
    var topic = "gridkafka-benchmark"
    var count = 1_000_000
    var size = 100
    var partitions = 3
    var chunk = 10_000
    var chunksInFlight = 8
    var createOnly = false

    init(arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            func value() -> String {
                guard let value = iterator.next() else { Self.fail("\(argument) needs a value") }
                return value
            }
            func number() -> Int {
                guard let number = Int(value()), number > 0 else { Self.fail("\(argument) needs a positive number") }
                return number
            }
            switch argument {
            case "--brokers": self.brokers = value()
            case "--topic": self.topic = value()
            case "--count": self.count = number()
            case "--size": self.size = number()
            case "--partitions": self.partitions = number()
            case "--chunk": self.chunk = number()
            case "--chunks-in-flight": self.chunksInFlight = number()
            case "--create-only": self.createOnly = true
            default: Self.fail("unknown argument \(argument)")
            }
        }
    }

    static func fail(_ message: String) -> Never {
        print("KafkaProducerBenchmark: \(message)")
        exit(2)
    }
}

let options = Options(arguments: CommandLine.arguments)
var logger = Logger(label: "KafkaProducerBenchmark")
logger.logLevel = .warning
let kafka = KafkaConfiguration(bootstrapServers: [options.brokers], clientID: "gridkafka-benchmark")

do {
    let admin = try KafkaAdmin(configuration: kafka, logger: logger)
    try await admin.createTopics([
        TopicSpecification(name: options.topic, partitions: options.partitions, replicationFactor: 1)
    ])
    if options.createOnly { exit(0) }

    let producer = try KafkaProducer(configuration: .init(kafka: kafka), logger: logger)
    let running = Task { try await producer.run() }
    let payload = [UInt8](repeating: 0x61, count: options.size)

    let clock = ContinuousClock()
    let start = clock.now
    let failures = await withTaskGroup(of: Int.self) { group in
        var failures = 0
        var sent = 0
        var inFlight = 0
        while sent < options.count || inFlight > 0 {
            if sent < options.count, inFlight < options.chunksInFlight {
                let size = min(options.chunk, options.count - sent)
                let messages = [KafkaProducerMessage](
                    repeating: KafkaProducerMessage(topic: options.topic, value: payload),
                    count: size
                )
                group.addTask {
                    await producer.send(batch: messages).reduce(0) { count, result in
                        if case .failure = result { count + 1 } else { count }
                    }
                }
                sent += size
                inFlight += 1
            } else if let chunkFailures = await group.next() {
                failures += chunkFailures
                inFlight -= 1
            }
        }
        return failures
    }
    let elapsed = clock.now - start
    running.cancel()
    _ = await running.result

    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    let rate = Double(options.count) / seconds
    print(
        "swift-producer: \(options.count) messages of \(options.size) bytes in \(Int(seconds * 1000)) ms: "
            + "\(Int(rate)) msgs/s, \(failures) failed"
    )
    exit(failures == 0 ? 0 : 1)
} catch {
    Options.fail("\(error)")
}
