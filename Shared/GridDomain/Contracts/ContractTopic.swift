/// The Kafka topics of GridLoop's contracts (partition counts and retention are deployment settings in
/// `deploy/topics.conf`; see `docs/contracts.md` for keys, producers and consumers).
public enum ContractTopic {
    /// Every lifecycle event of every case, plus deadline cards and manual-dispatch notices.
    /// Key: the case id, so one case's events stay in one partition, in order.
    public static let caseLifecycle = "gridloop.case.lifecycle"
    /// Inbound 12345/12319 hotline work orders (`HotlineWorkOrderV1`, plain JSON values).
    /// Key: the work-order number.
    public static let hotlineWorkOrders = "gridloop.hotline.workorders"
    /// Inbound alerts from video analytics and IoT sensing (`SensingAlertV1`, plain JSON values).
    /// Key: the device id, so one device's alerts stay in order.
    public static let sensingAlerts = "gridloop.sensing.alerts"

    /// The suffix of dead-letter topics: `gridloop.hotline.workorders.dlt`.
    public static let deadLetterSuffix = ".dlt"

    /// The topics that have a dead-letter topic (every topic a GridLoop service consumes).
    public static let consumed: [String] = [caseLifecycle, hotlineWorkOrders, sensingAlerts]

    /// The dead-letter topic of `topic`: `<topic>.dlt`.
    public static func deadLetter(of topic: String) -> String { topic + deadLetterSuffix }
}
