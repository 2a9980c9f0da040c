/// CloudEvents `source` values of GridLoop's producers: `/gridloop/<service>`.
public enum ContractSource {
    /// `/gridloop/intake`: opens cases and owns reported, verifying, filing, check and close.
    public static let intake = "/gridloop/intake"
    /// `/gridloop/routing`: the command centre; owns dispatch through disposal.
    public static let routing = "/gridloop/routing"
    /// `/gridloop/sla-monitor`: yellow and red cards.
    public static let slaMonitor = "/gridloop/sla-monitor"
    /// `/gridloop/notification`.
    public static let notification = "/gridloop/notification"
    /// `/gridloop/assessment`.
    public static let assessment = "/gridloop/assessment"

    /// The source of a service: `/gridloop/<service>`.
    public static func service(_ name: String) -> String { "/gridloop/" + name }
}
