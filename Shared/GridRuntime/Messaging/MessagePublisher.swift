/// Publishes a batch of records and reports, per record, whether the broker confirmed it. Used by the
/// outbox relay and for dead letters.
///
/// The relay marks a row sent only after its result is `.success`, and a consumer commits an offset
/// only after the dead letter of a rejected message succeeded, so an implementation must return only
/// once each record's delivery report has arrived (or its delivery has definitely failed).
/// ``KafkaMessagePublisher`` implements it with GridKafka's producer; tests wrap it to inject failures
/// or a crash between publishing and marking sent.
public protocol MessagePublisher: Sendable {
    /// Publishes `messages` in order (records with the same key must reach their partition in this
    /// order) and returns one result per message, in the same order.
    func publish(_ messages: [OutgoingMessage]) async -> [Result<Void, any Error>]
}
