import GridKafka
import GridRuntime
import Testing
import TestSupport

/// The test harness's topic reader must fail, not hang, when records are missing.
@Suite("TopicReader with a real broker (Tansu)")
struct TopicReaderTests {
    @Test("a read that comes up short fails after its bound, naming the topic and how many of the records arrived")
    func shortReadFails() async throws {
        let topic = EventConsumerTests.topic()
        try await KafkaFixture.with(topics: [topic], logger: TestDatabase.defaultLogger()) { fixture in
            let message = OutgoingMessage(topic: topic, key: Array("k".utf8), headers: [], value: Array("the only one".utf8))
            for result in await fixture.publisher.publish([message]) { try result.get() }
            let reader = TopicReader(kafka: fixture.kafka, logger: fixture.logger, timeout: .seconds(30))
            #expect(try await reader.read(1, from: topic).map(\.value) == [Array("the only one".utf8)])

            let error = await #expect(throws: WaitTimedOut.self) { try await reader.read(3, from: topic) }
            let description = error?.description ?? ""
            #expect(description.contains("reading \(topic)"), "\(description)")
            #expect(description.contains(" of 3 records arrived"), "\(description)")
        }
    }
}
