/// An error from GridKafka: a failed librdkafka call, a failed delivery or commit, or a misuse of a client.
///
/// Modelled on swift-service-lifecycle's `ServiceGroupError`: ``Code`` is a struct with `static let` cases, so
/// adding a case is not a breaking change. Only ``code`` takes part in `==` and hashing.
///
/// ``message`` says what happened and, where there is one, what to do about it (for example
/// "cannot reach broker at 127.0.0.1:9092 …; check KAFKA_BROKERS and that the broker is running").
/// ``isRetriable`` tells whether doing the same thing again later may succeed; ``isFatal`` tells that the client
/// can no longer be used and must be recreated (librdkafka's fatal errors, for example a fenced idempotent producer).
public struct KafkaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of operation failed.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum _Code: Hashable, Sendable {
            case invalidConfiguration
            case clientCreationFailed
            case enqueueFailed
            case deliveryFailed
            case commitFailed
            case partitionsNotAssigned
            case consumerFailed
            case adminOperationFailed
            case metadataFailed
            case clientShutDown
            case alreadyRunning
        }

        private let code: _Code

        private init(_ code: _Code) {
            self.code = code
        }

        /// A short description of the code.
        public var description: String {
            switch self.code {
            case .invalidConfiguration: "invalid configuration"
            case .clientCreationFailed: "client creation failed"
            case .enqueueFailed: "message could not be queued"
            case .deliveryFailed: "message delivery failed"
            case .commitFailed: "offset commit failed"
            case .partitionsNotAssigned: "partitions not assigned to this consumer"
            case .consumerFailed: "consumer failed"
            case .adminOperationFailed: "admin operation failed"
            case .metadataFailed: "metadata request failed"
            case .clientShutDown: "client shut down"
            case .alreadyRunning: "client already running"
            }
        }

        /// A configuration property was rejected (by GridKafka or by librdkafka).
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// librdkafka could not create the client handle.
        public static let clientCreationFailed = Code(.clientCreationFailed)
        /// The producer could not put the message on its local queue (for example: too large, unknown partition).
        public static let enqueueFailed = Code(.enqueueFailed)
        /// The broker did not acknowledge the message before the delivery timeout, or rejected it.
        public static let deliveryFailed = Code(.deliveryFailed)
        /// The consumer group coordinator did not accept the offsets.
        public static let commitFailed = Code(.commitFailed)
        /// Offsets were committed for partitions this consumer no longer owns (they were revoked in a rebalance);
        /// their messages will be delivered again to the new owner from the last committed offset.
        public static let partitionsNotAssigned = Code(.partitionsNotAssigned)
        /// The consumer hit an error it cannot recover from.
        public static let consumerFailed = Code(.consumerFailed)
        /// A create-topics (or other admin) request failed.
        public static let adminOperationFailed = Code(.adminOperationFailed)
        /// A metadata request failed.
        public static let metadataFailed = Code(.metadataFailed)
        /// The client was used after its `run()` finished.
        public static let clientShutDown = Code(.clientShutDown)
        /// `run()` was called on a client that is already running or has already run.
        public static let alreadyRunning = Code(.alreadyRunning)
    }

    /// What kind of operation failed. The only property used for `==` and hashing.
    public let code: Code
    /// librdkafka's numeric error code (`rd_kafka_resp_err_t`), when librdkafka reported the error.
    public let librdkafkaCode: Int32?
    /// librdkafka's name for the error code (for example `_MSG_TIMED_OUT`, `TOPIC_ALREADY_EXISTS`).
    public let librdkafkaName: String?
    /// What happened and, where possible, what to do about it.
    public let message: String
    /// Whether the same operation may succeed if tried again later.
    public let isRetriable: Bool
    /// Whether the client is unusable and must be recreated.
    public let isFatal: Bool
    /// The source file that raised the error.
    public let file: String
    /// The source line that raised the error.
    public let line: Int

    /// Creates an error. Library code uses the factory methods in `KafkaError+librdkafka.swift`.
    public init(
        code: Code,
        message: String,
        librdkafkaCode: Int32? = nil,
        librdkafkaName: String? = nil,
        isRetriable: Bool = false,
        isFatal: Bool = false,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.message = message
        self.librdkafkaCode = librdkafkaCode
        self.librdkafkaName = librdkafkaName
        self.isRetriable = isRetriable
        self.isFatal = isFatal
        self.file = file
        self.line = line
    }

    /// "KafkaError(delivery failed, _MSG_TIMED_OUT, retriable): message".
    public var description: String {
        var tags = [self.code.description]
        if let name = self.librdkafkaName { tags.append(name) }
        if self.isRetriable { tags.append("retriable") }
        if self.isFatal { tags.append("fatal") }
        return "KafkaError(\(tags.joined(separator: ", "))): \(self.message)"
    }

    /// Compares codes only.
    public static func == (lhs: KafkaError, rhs: KafkaError) -> Bool {
        lhs.code == rhs.code
    }

    /// Hashes the code only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.code)
    }
}
