import CRDKafka

extension KafkaError {
    /// An error from a librdkafka response code (`rd_kafka_resp_err_t`).
    ///
    /// - Parameters:
    ///   - code: What kind of operation failed.
    ///   - response: librdkafka's code.
    ///   - context: What was being done, e.g. "delivering to topic cases.filed".
    ///   - reason: librdkafka's own text when it gave one (else `rd_kafka_err2str`).
    ///   - reachability: Appended when the error means the broker could not be reached.
    static func librdkafka(
        _ code: Code,
        response: rd_kafka_resp_err_t,
        context: String,
        reason: String? = nil,
        reachability: String? = nil,
        isFatal: Bool = false,
        file: String = #fileID,
        line: Int = #line
    ) -> KafkaError {
        var message = "\(context): \(reason ?? String(cString: rd_kafka_err2str(response)))"
        if let reachability, response.meansBrokerUnreachable {
            message += "; \(reachability)"
        }
        return KafkaError(
            code: code,
            message: message,
            librdkafkaCode: response.rawValue,
            librdkafkaName: String(cString: rd_kafka_err2name(response)),
            isRetriable: !isFatal && response.isRetriable,
            isFatal: isFatal || response == RD_KAFKA_RESP_ERR__FATAL,
            file: file,
            line: line
        )
    }

    /// An error from a librdkafka error object (`rd_kafka_error_t`), which it destroys.
    static func librdkafka(
        _ code: Code,
        consuming error: OpaquePointer,
        context: String,
        reachability: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> KafkaError {
        defer { rd_kafka_error_destroy(error) }
        let response = rd_kafka_error_code(error)
        var message = "\(context): \(String(cString: rd_kafka_error_string(error)))"
        if let reachability, response.meansBrokerUnreachable {
            message += "; \(reachability)"
        }
        return KafkaError(
            code: code,
            message: message,
            librdkafkaCode: response.rawValue,
            librdkafkaName: String(cString: rd_kafka_error_name(error)),
            isRetriable: rd_kafka_error_is_retriable(error) != 0 || response.isRetriable,
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            file: file,
            line: line
        )
    }

    /// The client's `run()` has finished (or was never started and the client is closing).
    static func shutDown(_ what: String, file: String = #fileID, line: Int = #line) -> KafkaError {
        KafkaError(
            code: .clientShutDown,
            message: "\(what): the client has shut down; create a new one and run it in a ServiceGroup",
            file: file,
            line: line
        )
    }
}

extension rd_kafka_resp_err_t {
    /// Errors after which trying again later may succeed (librdkafka's own retries having run out).
    var isRetriable: Bool {
        switch self {
        case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE,
            RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__RESOLVE,
            RD_KAFKA_RESP_ERR__QUEUE_FULL, RD_KAFKA_RESP_ERR__WAIT_COORD, RD_KAFKA_RESP_ERR__NO_OFFSET,
            RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION, RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC,
            RD_KAFKA_RESP_ERR__IN_PROGRESS, RD_KAFKA_RESP_ERR__PREV_IN_PROGRESS,
            RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE,
            RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION, RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT,
            RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION, RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS,
            RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE, RD_KAFKA_RESP_ERR_NOT_COORDINATOR,
            RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS, RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND,
            RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS, RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR,
            RD_KAFKA_RESP_ERR_OFFSET_NOT_AVAILABLE:
            true
        default:
            false
        }
    }

    /// Errors that mean no broker answered.
    var meansBrokerUnreachable: Bool {
        switch self {
        case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT, RD_KAFKA_RESP_ERR__TIMED_OUT, RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE,
            RD_KAFKA_RESP_ERR__TRANSPORT, RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN, RD_KAFKA_RESP_ERR__RESOLVE,
            RD_KAFKA_RESP_ERR__WAIT_COORD, RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE:
            true
        default:
            false
        }
    }
}
