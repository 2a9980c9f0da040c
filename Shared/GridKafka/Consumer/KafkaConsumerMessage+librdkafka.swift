import CRDKafka
import Foundation

extension KafkaConsumerMessage {
    /// Copies a librdkafka message (which the caller still owns and destroys).
    init(copying message: UnsafePointer<rd_kafka_message_t>) {
        let raw = message.pointee
        func bytes(_ pointer: UnsafeRawPointer?, _ count: Int) -> [UInt8]? {
            guard let pointer else { return nil }
            return Array(UnsafeRawBufferPointer(start: pointer, count: count))
        }
        var headers: [KafkaHeader] = []
        var headerList: OpaquePointer?
        if rd_kafka_message_headers(message, &headerList) == RD_KAFKA_RESP_ERR_NO_ERROR, let headerList {
            for index in 0..<rd_kafka_header_cnt(headerList) {
                var name: UnsafePointer<CChar>?
                var value: UnsafeRawPointer?
                var size = 0
                guard rd_kafka_header_get_all(headerList, index, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR,
                    let name
                else { continue }
                headers.append(KafkaHeader(name: String(cString: name), value: bytes(value, size)))
            }
        }
        var timestampType = RD_KAFKA_TIMESTAMP_NOT_AVAILABLE
        let milliseconds = rd_kafka_message_timestamp(message, &timestampType)
        self.init(
            topic: String(cString: rd_kafka_topic_name(raw.rkt)),
            partition: raw.partition,
            offset: raw.offset,
            key: bytes(raw.key, raw.key_len),
            value: bytes(raw.payload, raw.len) ?? [],
            headers: headers,
            timestamp: milliseconds >= 0 ? Date(timeIntervalSince1970: Double(milliseconds) / 1000) : nil
        )
    }
}
