extension KafkaConsumer {
    /// The consumer's batches as an `AsyncSequence` that throws ``KafkaError``.
    ///
    /// Iterate it from one task only. Each element is in flight until passed to ``KafkaConsumer/commit(_:)`` or
    /// ``KafkaConsumer/release(_:)``; the next batch is handed out only after that.
    public struct Batches: AsyncSequence, Sendable {
        /// A batch: messages in partition order (offsets increase within each partition).
        public typealias Element = [KafkaConsumerMessage]
        /// The sequence fails only with a ``KafkaError``.
        public typealias Failure = KafkaError

        let stream: AsyncThrowingStream<[KafkaConsumerMessage], any Error>

        /// Creates the iterator.
        public func makeAsyncIterator() -> AsyncIterator {
            AsyncIterator(base: self.stream.makeAsyncIterator())
        }

        /// The iterator.
        public struct AsyncIterator: AsyncIteratorProtocol {
            var base: AsyncThrowingStream<[KafkaConsumerMessage], any Error>.AsyncIterator

            /// The next batch, `nil` once the consumer has closed.
            public mutating func next(
                isolation actor: isolated (any Actor)? = #isolation
            ) async throws(KafkaError) -> [KafkaConsumerMessage]? {
                do {
                    return try await self.base.next(isolation: actor)
                } catch let error as KafkaError {
                    throw error
                } catch {
                    throw KafkaError(code: .consumerFailed, message: "consumer stream failed: \(error)")
                }
            }

            /// The next batch, `nil` once the consumer has closed.
            public mutating func next() async throws(KafkaError) -> [KafkaConsumerMessage]? {
                try await self.next(isolation: nil)
            }
        }
    }
}
