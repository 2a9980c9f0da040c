public import GridRuntime

/// The notification service's own configuration keys (documented in `docs/configuration.md`).
public struct NotificationSettings: ServiceSettings {
    /// `NOTIFICATION_RULES_DIR`: the folder with templates, routes, contacts and settings.
    public static let rulesDirectory = ConfigurationSetting(
        key: "notification.rulesDir", expected: "an existing directory", default: "GRIDLOOP_CITY_DIR/notifications",
        summary: "Folder with the city's notification rules: templates.csv, routes.csv, contacts.csv, settings.csv (optional).")
    /// `NOTIFICATION_CONSUMER_GROUP`: the Kafka consumer group (and inbox name).
    public static let consumerGroup = ConfigurationSetting(
        key: "notification.consumerGroup", expected: "a Kafka group id", default: "notification",
        summary: "Consumer group of the lifecycle-topic consumer; also the inbox's consumer name.")
    /// `NOTIFICATION_CONSUMER_BATCH_SIZE`: lifecycle records per consumer batch (and transaction).
    public static let consumerBatchSize = ConfigurationSetting(
        key: "notification.consumer.batchSize", expected: "an integer 1…5000", default: "2000",
        summary: "Most lifecycle-topic records handled in one consumer batch and one transaction.")
    /// `NOTIFICATION_WORKER_BATCH_SIZE`: deliveries claimed per round.
    public static let workerBatchSize = ConfigurationSetting(
        key: "notification.worker.batchSize", expected: "an integer 1…5000", default: "200",
        summary: "Most deliveries the worker claims and sends per round.")
    /// `NOTIFICATION_WORKER_POLL_SECONDS`: idle wait between rounds.
    public static let workerPoll = ConfigurationSetting(
        key: "notification.worker.pollSeconds", expected: "seconds, at least 0.05", default: "0.5",
        summary: "Wait after a round that found less than a full batch.")
    /// `NOTIFICATION_WORKER_LEASE_SECONDS`: how long a claim protects a delivery.
    public static let workerLease = ConfigurationSetting(
        key: "notification.worker.leaseSeconds", expected: "seconds, more than a full batch can take to send", default: "300",
        summary: "A claimed delivery not completed within this time (the worker died) is sent again by any worker.")
    /// `NOTIFICATION_WORKER_DATABASE_DEADLINE_SECONDS`: the longest one database step of a worker round may take.
    public static let workerDatabaseDeadline = ConfigurationSetting(
        key: "notification.worker.databaseDeadlineSeconds", expected: "seconds, at least 1", default: "60",
        summary: "A worker claim or outcome recording still unfinished after this is given up: its connection is closed (the server rolls it back) and the worker carries on.")
    /// `NOTIFICATION_RETRY_INITIAL_SECONDS`: the first retry delay.
    public static let retryInitial = ConfigurationSetting(
        key: "notification.retry.initialSeconds", expected: "seconds, at least 0.01", default: "10",
        summary: "Delay after the first transient failure; doubles after each further one.")
    /// `NOTIFICATION_RETRY_MAXIMUM_SECONDS`: the largest retry delay.
    public static let retryMaximum = ConfigurationSetting(
        key: "notification.retry.maximumSeconds", expected: "seconds, at least the initial delay", default: "1800",
        summary: "Cap of the retry delay.")
    /// `NOTIFICATION_RETRY_MAX_ATTEMPTS`: attempts before giving up.
    public static let retryMaxAttempts = ConfigurationSetting(
        key: "notification.retry.maxAttempts", expected: "an integer 1…100", default: "12",
        summary: "Attempts before a delivery that keeps failing transiently is marked failed.")
    /// `NOTIFICATION_WEBHOOK_TIMEOUT_SECONDS`: time limit of one webhook request.
    public static let webhookTimeout = ConfigurationSetting(
        key: "notification.webhook.timeoutSeconds", expected: "seconds, at least 0.1", default: "10",
        summary: "Time limit of one webhook request; a timeout is a transient failure.")
    /// `NOTIFICATION_WEBHOOK_CONCURRENCY`: webhook requests in flight.
    public static let webhookConcurrency = ConfigurationSetting(
        key: "notification.webhook.concurrency", expected: "an integer 1…256", default: "16",
        summary: "Most webhook requests in flight at once per process.")

    /// Every key.
    public static var settings: [ConfigurationSetting] {
        [
            rulesDirectory, consumerGroup, consumerBatchSize, workerBatchSize, workerPoll, workerLease, workerDatabaseDeadline, retryInitial, retryMaximum, retryMaxAttempts,
            webhookTimeout, webhookConcurrency,
        ]
    }

    /// The rules folder, or `nil` for `GRIDLOOP_CITY_DIR/notifications`.
    public var rulesDirectory: String?
    /// The consumer group.
    public var consumerGroup: String
    /// Most records per consumer batch. Default 2000.
    public var consumerBatchSize: Int
    /// The worker's options.
    public var worker: DeliveryWorker.Configuration
    /// The webhook channel's options.
    public var webhook: WebhookChannel.Configuration

    /// Creates settings from values (tests).
    public init(
        rulesDirectory: String? = nil, consumerGroup: String = "notification", consumerBatchSize: Int = 2000,
        worker: DeliveryWorker.Configuration = .init(), webhook: WebhookChannel.Configuration = .init()
    ) {
        self.rulesDirectory = rulesDirectory
        self.consumerGroup = consumerGroup
        self.consumerBatchSize = consumerBatchSize
        self.worker = worker
        self.webhook = webhook
    }

    /// Reads the keys; also requires `GRIDLOOP_CITY_DIR` (the service loads the city).
    public init?(reading reader: inout SettingsReader) {
        let problemsBefore = reader.problems.count
        if reader.text(.cityDirectory) == nil { reader.record(ConfigurationProblem(setting: .cityDirectory, kind: .missing)) }
        let rulesDirectory = reader.optionalString(Self.rulesDirectory)
        let consumerGroup = reader.string(Self.consumerGroup, default: "notification")
        let consumerBatchSize = reader.int(Self.consumerBatchSize, default: 2000, in: 1...5000)
        let batchSize = reader.int(Self.workerBatchSize, default: 200, in: 1...5000)
        let poll = reader.seconds(Self.workerPoll, default: .milliseconds(500), minimum: .milliseconds(50))
        let lease = reader.seconds(Self.workerLease, default: .seconds(300), minimum: .seconds(1))
        let databaseDeadline = reader.seconds(Self.workerDatabaseDeadline, default: .seconds(60), minimum: .seconds(1))
        let initial = reader.seconds(Self.retryInitial, default: .seconds(10), minimum: .milliseconds(10))
        let maximum = reader.seconds(Self.retryMaximum, default: .seconds(1800), minimum: .milliseconds(10))
        let attempts = reader.int(Self.retryMaxAttempts, default: 12, in: 1...100)
        let timeout = reader.seconds(Self.webhookTimeout, default: .seconds(10), minimum: .milliseconds(100))
        let concurrency = reader.int(Self.webhookConcurrency, default: 16, in: 1...256)
        if maximum < initial {
            reader.record(
                ConfigurationProblem(
                    setting: Self.retryMaximum, kind: .invalid(reason: "less than NOTIFICATION_RETRY_INITIAL_SECONDS"),
                    value: reader.text(Self.retryMaximum)))
        }
        // A claim must outlive the slowest batch: every request of it timing out, `concurrency` at a time.
        let rounds = (batchSize + concurrency - 1) / concurrency
        if lease <= timeout * rounds {
            reader.record(
                ConfigurationProblem(
                    setting: Self.workerLease,
                    kind: .invalid(reason: "a batch of \(batchSize) at \(concurrency) in flight with a \(timeout) timeout can take \(timeout * rounds)"),
                    value: reader.text(Self.workerLease)))
        }
        guard reader.problems.count == problemsBefore else { return nil }
        self.init(
            rulesDirectory: rulesDirectory, consumerGroup: consumerGroup, consumerBatchSize: consumerBatchSize,
            worker: DeliveryWorker.Configuration(
                batchSize: batchSize, pollInterval: poll, lease: lease,
                retry: DeliveryRetryPolicy(initialDelay: initial, maximumDelay: maximum, maximumAttempts: attempts),
                databaseDeadline: databaseDeadline),
            webhook: WebhookChannel.Configuration(timeout: timeout, concurrency: concurrency))
    }
}
