import CRDKafka

extension KafkaAdmin {
    /// Lists the cluster's brokers, topics and partitions.
    ///
    /// - Throws: ``KafkaError/Code/metadataFailed`` (retriable when no broker answered within `timeout`).
    public func metadata(timeout: Duration = .seconds(10)) async throws(KafkaError) -> KafkaMetadata {
        let client = self.client
        let outcome = await DedicatedThread.run(name: "GridKafka.admin") {
            Self.metadataBlocking(timeout: timeout, client: client)
        }
        self.serveErrorEvents()
        return try outcome.get()
    }

    private static func metadataBlocking(timeout: Duration, client: RDKafkaClient) -> Result<KafkaMetadata, KafkaError> {
        var pointer: UnsafePointer<rd_kafka_metadata>?
        let response = rd_kafka_metadata(client.handle, 1, nil, &pointer, timeout.timeoutMilliseconds)
        guard response == RD_KAFKA_RESP_ERR_NO_ERROR, let pointer else {
            // Serve the connection errors first so the message can say why.
            rd_kafka_poll(client.handle, 0)
            return .failure(
                .librdkafka(
                    .metadataFailed,
                    response: response,
                    context: "requesting cluster metadata",
                    reachability: client.context.reachabilityHint
                )
            )
        }
        defer { rd_kafka_metadata_destroy(pointer) }
        let raw = pointer.pointee
        let brokers = (0..<Int(raw.broker_cnt)).map { index in
            let broker = raw.brokers[index]
            return KafkaMetadata.Broker(id: broker.id, host: String(cString: broker.host), port: Int(broker.port))
        }
        let topics = (0..<Int(raw.topic_cnt)).map { index in
            let topic = raw.topics[index]
            let partitions = (0..<Int(topic.partition_cnt)).map { partitionIndex in
                let partition = topic.partitions[partitionIndex]
                return KafkaMetadata.Partition(
                    id: partition.id,
                    leader: partition.leader,
                    replicas: (0..<Int(partition.replica_cnt)).map { partition.replicas[$0] },
                    inSyncReplicas: (0..<Int(partition.isr_cnt)).map { partition.isrs[$0] }
                )
            }
            return KafkaMetadata.Topic(
                name: String(cString: topic.topic),
                partitions: partitions.sorted { $0.id < $1.id },
                error: topic.err == RD_KAFKA_RESP_ERR_NO_ERROR ? nil : String(cString: rd_kafka_err2name(topic.err))
            )
        }
        return .success(KafkaMetadata(brokers: brokers, topics: topics.sorted { $0.name < $1.name }))
    }
}
