import Foundation
import GridDomain
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Sends notifications as HTTP POST requests with a JSON ``WebhookMessage`` body to the contact's URL,
/// with the delivery id in the `Idempotency-Key` header, through Foundation's `URLSession` (on Linux,
/// FoundationNetworking over libcurl: no extra package to build).
///
/// Outcomes: 2xx → sent; 408, 425, 429 and 5xx → transient (the receiver is busy or broken for now);
/// any other status (other 4xx, an unfollowed 3xx) → permanent; timeouts, refused or lost connections
/// and DNS failures → transient; a malformed URL → permanent.
public struct WebhookChannel: NotificationChannel {
    /// Options of the channel.
    public struct Configuration: Sendable, Hashable {
        /// Time limit of one request. Default 10 s.
        public var timeout: Duration
        /// Most requests in flight at once. Default 16.
        public var concurrency: Int
        /// The `User-Agent` header. Default `gridloop-notification`.
        public var userAgent: String

        /// Creates options; see the properties for the defaults.
        public init(timeout: Duration = .seconds(10), concurrency: Int = 16, userAgent: String = "gridloop-notification") {
            self.timeout = timeout
            self.concurrency = max(1, concurrency)
            self.userAgent = userAgent
        }
    }

    /// The header carrying the delivery id.
    public static let idempotencyKeyHeader = "Idempotency-Key"

    /// Always ``ChannelKind/webhook``.
    public var kind: ChannelKind { .webhook }
    /// The options.
    public let configuration: Configuration
    private let session: URLSession

    /// Creates the channel with its own session (no cookies, no cache).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = configuration.timeout.seconds
        sessionConfiguration.timeoutIntervalForResource = configuration.timeout.seconds
        sessionConfiguration.httpMaximumConnectionsPerHost = configuration.concurrency
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.urlCache = nil
        self.session = URLSession(configuration: sessionConfiguration)
    }

    /// Sends the batch with at most ``Configuration/concurrency`` requests in flight.
    public func send(_ deliveries: [ClaimedDelivery]) async -> [SendOutcome] {
        var outcomes = [SendOutcome](repeating: .transientFailure("not attempted"), count: deliveries.count)
        await withTaskGroup(of: (Int, SendOutcome).self) { group in
            var next = 0
            func startNext() {
                guard next < deliveries.count else { return }
                let index = next
                let delivery = deliveries[index]
                next += 1
                group.addTask { (index, await self.send(delivery)) }
            }
            for _ in 0..<min(configuration.concurrency, deliveries.count) { startNext() }
            for await (index, outcome) in group {
                outcomes[index] = outcome
                startNext()
            }
        }
        return outcomes
    }

    /// Sends one delivery.
    func send(_ delivery: ClaimedDelivery) async -> SendOutcome {
        guard let url = URL(string: delivery.address), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .permanentFailure("webhook address is not an http(s) URL")
        }
        var request = URLRequest(url: url, timeoutInterval: configuration.timeout.seconds)
        request.httpMethod = "POST"
        request.setValue("application/json; charset=utf-8", forHTTPHeaderField: "Content-Type")
        request.setValue(delivery.id.uuidString.lowercased(), forHTTPHeaderField: Self.idempotencyKeyHeader)
        request.setValue(configuration.userAgent, forHTTPHeaderField: "User-Agent")
        do {
            request.httpBody = try ContractJSON.encode(WebhookMessage(delivery))
        } catch {
            return .permanentFailure("cannot encode the message: \(error)")
        }
        do {
            let (_, response) = try await session.data(for: request)
            guard let http = response as? HTTPURLResponse else { return .transientFailure("no HTTP response") }
            return Self.outcome(status: http.statusCode)
        } catch let error as URLError {
            return Self.outcome(of: error)
        } catch {
            return .transientFailure("request failed: \(error)")
        }
    }

    /// The outcome of a response status.
    static func outcome(status: Int) -> SendOutcome {
        switch status {
        case 200..<300: .sent
        case 408, 425, 429, 500..<600: .transientFailure("HTTP \(status)")
        default: .permanentFailure("HTTP \(status)")
        }
    }

    /// The outcome of a transport error.
    static func outcome(of error: URLError) -> SendOutcome {
        switch error.code {
        case .badURL, .unsupportedURL, .userAuthenticationRequired, .serverCertificateUntrusted,
            .serverCertificateHasBadDate, .serverCertificateHasUnknownRoot, .serverCertificateNotYetValid:
            .permanentFailure("request failed: \(Self.describe(error))")
        default:
            .transientFailure("request failed: \(Self.describe(error))")
        }
    }

    private static func describe(_ error: URLError) -> String {
        switch error.code {
        case .timedOut: "timed out"
        case .cannotConnectToHost: "connection refused"
        case .networkConnectionLost: "connection lost"
        case .cannotFindHost, .dnsLookupFailed: "host not found"
        default: "URLError \(error.code.rawValue)"
        }
    }
}

extension Duration {
    /// The duration in seconds, as a `TimeInterval`.
    var seconds: TimeInterval {
        TimeInterval(components.seconds) + TimeInterval(components.attoseconds) / 1e18
    }
}
