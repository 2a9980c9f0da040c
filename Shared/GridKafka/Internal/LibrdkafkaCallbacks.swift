import CRDKafka
import Logging

/// C callbacks shared by all clients. They find their ``ClientContext`` through the handle's opaque pointer.
enum LibrdkafkaCallbacks {
    /// `log_cb`: forwards librdkafka's syslog-levelled logs to the client's Logger (called from librdkafka threads).
    static let log: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafePointer<CChar>?) -> Void = {
        handle, level, facility, text in
        guard let context = ClientContext.of(handle), let text else { return }
        let logLevel: Logger.Level =
            switch level {
            case ...2: .critical
            case 3: .error
            case 4: .warning
            case 5: .notice
            case 6: .info
            default: .debug
            }
        context.logger.log(
            level: logLevel,
            "\(String(cString: text))",
            metadata: ["librdkafka.facility": "\(facility.map { String(cString: $0) } ?? "")"]
        )
    }

    /// `error_cb`: logs client-level errors and remembers connection problems (called from the poll thread).
    static let error: @convention(c) (OpaquePointer?, Int32, UnsafePointer<CChar>?, UnsafeMutableRawPointer?) -> Void = {
        handle, code, reason, _ in
        guard let context = ClientContext.of(handle) else { return }
        let response = rd_kafka_resp_err_t(rawValue: code)
        let text = reason.map { String(cString: $0) } ?? String(cString: rd_kafka_err2str(response))
        if response == RD_KAFKA_RESP_ERR__FATAL {
            var buffer = [CChar](repeating: 0, count: 512)
            let underlying = rd_kafka_fatal_error(handle, &buffer, buffer.count)
            context.logger.critical(
                "librdkafka fatal error; the client must be recreated",
                metadata: ["error": "\(String(cString: rd_kafka_err2name(underlying))): \(String(cBuffer: buffer))"]
            )
            return
        }
        if response.meansBrokerUnreachable {
            context.recordBrokerProblem(text)
        }
        context.logger.warning(
            "librdkafka error",
            metadata: ["error": "\(String(cString: rd_kafka_err2name(response))): \(text)"]
        )
    }
}
