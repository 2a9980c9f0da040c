import Metrics
public import Prometheus

/// The service's Prometheus registry and the swift-metrics factory that feeds it.
///
/// `main` calls ``bootstrap()`` once so every library's swift-metrics go to the registry; the
/// `/metrics` route renders ``registry``. Tests create their own instance and pass ``factory``
/// explicitly instead of bootstrapping the global system.
public struct ServiceMetrics: Sendable {
    /// The registry rendered at `/metrics`.
    public let registry: PrometheusCollectorRegistry
    /// A swift-metrics factory writing into ``registry``. Metric labels and dimension names are
    /// sanitised for Prometheus (`.` and `-` become `_`), so third-party metrics are valid too.
    public let factory: PrometheusMetricsFactory

    /// Creates a fresh registry and factory.
    public init(registry: PrometheusCollectorRegistry = PrometheusCollectorRegistry()) {
        self.registry = registry
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.nameAndLabelSanitizer = { name, labels in
            (Self.sanitize(name), labels.map { (Self.sanitize($0.0), $0.1) })
        }
        self.factory = factory
    }

    /// Bootstraps swift-metrics with ``factory``. Call at most once per process, from `main` only.
    public func bootstrap() {
        MetricsSystem.bootstrap(factory)
    }

    /// The Prometheus text exposition of every metric.
    public func render() -> String {
        registry.emitToString()
    }

    /// `name` with every character other than a letter, a digit, `_` or `:` replaced by `_`. Names
    /// and labels are sanitized each time a metric handle is made (services make them per event), so
    /// the usual all-ASCII valid name is returned as is, without building a new string.
    static func sanitize(_ name: String) -> String {
        let isValidASCII = name.utf8.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x5F
                || byte == 0x3A
        }
        if isValidASCII { return name }
        return String(name.map { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" ? $0 : "_" })
    }
}
