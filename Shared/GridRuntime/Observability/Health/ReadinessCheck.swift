public import Logging
public import PostgresNIO

/// A named condition that must hold before the service takes traffic: the closure returns when
/// the condition holds and throws when it does not. Checks run concurrently, each bounded by the
/// configured timeout.
public struct ReadinessCheck: Sendable {
    /// The name shown in `/health/ready`, e.g. `database`.
    public let name: String
    /// Returns when ready; throws (ideally a ``ReadinessFailure``) when not.
    public let check: @Sendable () async throws -> Void

    /// Creates a check.
    public init(name: String, check: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.check = check
    }

    /// `database`: runs `SELECT 1` through the pool.
    public static func database(_ client: PostgresClient, logger: Logger) -> ReadinessCheck {
        ReadinessCheck(name: "database") {
            do {
                _ = try await client.query("SELECT 1", logger: logger).collect()
            } catch {
                throw ReadinessFailure("database unreachable", underlying: error)
            }
        }
    }

    /// A check that holds once `flag` is set, e.g. `migrations` set by the migration step.
    public static func flag(_ name: String, _ flag: ReadinessFlag, whileUnset message: String) -> ReadinessCheck {
        ReadinessCheck(name: name) {
            guard flag.isSet else { throw ReadinessFailure(message) }
        }
    }

    /// `broker`: a reachability probe supplied by the Kafka piece (e.g. a metadata request).
    public static func broker(_ probe: @escaping @Sendable () async throws -> Void) -> ReadinessCheck {
        ReadinessCheck(name: "broker") {
            do {
                try await probe()
            } catch let failure as ReadinessFailure {
                throw failure
            } catch {
                throw ReadinessFailure("broker unreachable", underlying: error)
            }
        }
    }
}

/// Why a readiness check failed: `message` is shown in `/health/ready`, `underlying` only logged.
public struct ReadinessFailure: Error, Sendable, CustomStringConvertible {
    /// Short, safe to show.
    public let message: String
    /// The original error, logged with `String(reflecting:)`.
    public let underlying: (any Error & Sendable)?

    /// Creates a failure.
    public init(_ message: String, underlying: (any Error & Sendable)? = nil) {
        self.message = message
        self.underlying = underlying
    }

    /// The message.
    public var description: String { message }
}
