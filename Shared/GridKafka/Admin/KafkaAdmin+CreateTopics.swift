import CRDKafka

extension KafkaAdmin {
    /// Creates the topics that do not exist yet; a topic that already exists counts as success (its partitions and
    /// configs are left as they are).
    ///
    /// - Throws: ``KafkaError/Code/adminOperationFailed`` naming every topic that could not be created (retriable
    ///   when the broker was unreachable or busy).
    public func createTopics(_ topics: [TopicSpecification], timeout: Duration = .seconds(30)) async throws(KafkaError) {
        guard !topics.isEmpty else { return }
        let client = self.client
        let outcome = await DedicatedThread.run(name: "GridKafka.admin") {
            Self.createTopicsBlocking(topics, timeout: timeout, client: client)
        }
        self.serveErrorEvents()
        try outcome.get()
    }

    private static func createTopicsBlocking(
        _ topics: [TopicSpecification],
        timeout: Duration,
        client: RDKafkaClient
    ) -> Result<Void, KafkaError> {
        var errorText = [CChar](repeating: 0, count: 512)
        var newTopics: [OpaquePointer?] = []
        defer { newTopics.forEach { rd_kafka_NewTopic_destroy($0) } }
        for topic in topics {
            guard
                let newTopic = rd_kafka_NewTopic_new(
                    topic.name,
                    Int32(clamping: topic.partitions),
                    Int32(clamping: topic.replicationFactor),
                    &errorText,
                    errorText.count
                )
            else {
                return .failure(
                    KafkaError(
                        code: .adminOperationFailed,
                        message: "invalid topic specification for '\(topic.name)': \(String(cBuffer: errorText))"
                    )
                )
            }
            newTopics.append(newTopic)
            for (name, value) in topic.configs.sorted(by: { $0.key < $1.key }) {
                let response = rd_kafka_NewTopic_set_config(newTopic, name, value)
                if response != RD_KAFKA_RESP_ERR_NO_ERROR {
                    return .failure(
                        .librdkafka(.adminOperationFailed, response: response, context: "topic config \(name)=\(value)")
                    )
                }
            }
        }

        let options = rd_kafka_AdminOptions_new(client.handle, RD_KAFKA_ADMIN_OP_CREATETOPICS)
        defer { rd_kafka_AdminOptions_destroy(options) }
        rd_kafka_AdminOptions_set_request_timeout(options, timeout.timeoutMilliseconds, &errorText, errorText.count)
        rd_kafka_AdminOptions_set_operation_timeout(options, timeout.timeoutMilliseconds, &errorText, errorText.count)
        let queue = rd_kafka_queue_new(client.handle)
        defer { rd_kafka_queue_destroy(queue) }

        newTopics.withUnsafeMutableBufferPointer { buffer in
            rd_kafka_CreateTopics(client.handle, buffer.baseAddress, buffer.count, options, queue)
        }
        // The request times out by itself after `timeout`; the extra second lets its result arrive.
        guard let event = rd_kafka_queue_poll(queue, (timeout + .seconds(1)).timeoutMilliseconds) else {
            return .failure(
                .librdkafka(
                    .adminOperationFailed,
                    response: RD_KAFKA_RESP_ERR__TIMED_OUT,
                    context: "creating topics \(topics.map(\.name).joined(separator: ", "))",
                    reachability: client.context.reachabilityHint
                )
            )
        }
        defer { rd_kafka_event_destroy(event) }
        let names = topics.map(\.name).joined(separator: ", ")
        let eventError = rd_kafka_event_error(event)
        guard eventError == RD_KAFKA_RESP_ERR_NO_ERROR else {
            return .failure(
                .librdkafka(
                    .adminOperationFailed,
                    response: eventError,
                    context: "creating topics \(names)",
                    reason: rd_kafka_event_error_string(event).map { String(cString: $0) },
                    reachability: client.context.reachabilityHint
                )
            )
        }
        var count = 0
        guard let result = rd_kafka_event_CreateTopics_result(event),
            let results = rd_kafka_CreateTopics_result_topics(result, &count)
        else {
            return .failure(KafkaError(code: .adminOperationFailed, message: "creating topics \(names): no result"))
        }
        var failures: [(String, rd_kafka_resp_err_t, String)] = []
        for index in 0..<count {
            let topicResult = results[index]
            let response = rd_kafka_topic_result_error(topicResult)
            guard response != RD_KAFKA_RESP_ERR_NO_ERROR, response != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS else {
                continue
            }
            let name = String(cString: rd_kafka_topic_result_name(topicResult))
            let reason = rd_kafka_topic_result_error_string(topicResult).map { String(cString: $0) }
            failures.append((name, response, reason ?? String(cString: rd_kafka_err2str(response))))
        }
        guard let first = failures.first else { return .success(()) }
        return .failure(
            .librdkafka(
                .adminOperationFailed,
                response: first.1,
                context: "creating topics",
                reason: failures.map { "\($0.0): \($0.2)" }.joined(separator: "; "),
                reachability: client.context.reachabilityHint
            )
        )
    }
}
