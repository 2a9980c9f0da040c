import PostgresNIO

/// How a failure while handling an event or talking to PostgreSQL should be treated.
public enum FailureKind: Sendable, Hashable {
    /// Worth retrying with backoff: the same input can succeed later (connection lost, serialization
    /// failure `40001`, deadlock `40P01`, broker unavailable…). Never dead-lettered.
    case transient
    /// Retrying cannot help: the input itself is bad (undecodable payload, violated invariant). The
    /// message is dead-lettered.
    case permanent
    /// Not recognised. Retried a bounded number of times, then treated as permanent so that a bug
    /// cannot stall a consumer forever (the message is kept in the dead-letter topic).
    case unclassified
}

/// An error a handler throws to say that a message can never be processed, so it must be
/// dead-lettered rather than retried. Adopt it on domain errors (for example an invariant violation).
public protocol PermanentFailure: Error {}

/// Sorts errors into ``FailureKind``s.
public enum FailureClassifier {
    /// SQLSTATE classes and codes that are transient: `40` transaction rollback (serialization failure,
    /// deadlock), `08` connection exceptions, `53` insufficient resources, `57P01`–`57P03` server
    /// shutting down or not yet accepting connections, `57014` statement timeout or cancel,
    /// `55P03` lock not available.
    static let transientSQLStateClasses: Set<Substring> = ["40", "08", "53"]
    static let transientSQLStates: Set<String> = ["57P01", "57P02", "57P03", "57014", "55P03"]
    /// SQLSTATE classes that mean the data is wrong: `22` data exception, `23` integrity constraint
    /// violation (a violated invariant enforced by the database).
    static let permanentSQLStateClasses: Set<Substring> = ["22", "23"]

    /// Classifies `error`, looking through `PostgresTransactionError` to the error that caused it.
    ///
    /// - ``PermanentFailure`` (including ``EventRejection``), `DecodingError`, ``CloudEventError`` →
    ///   permanent.
    /// - `PSQLError` with a server SQLSTATE: see the constants above; other SQLSTATEs are unclassified.
    /// - `PSQLError` without server information (the connection broke, the pool closed…) → transient.
    /// - Errors that carry their own answer through ``RetryClassifiable`` (Kafka errors) use it.
    /// - Anything else → unclassified.
    public static func classify(_ error: any Error) -> FailureKind {
        if let transactionError = error as? PostgresTransactionError {
            let cause =
                transactionError.closureError ?? transactionError.commitError
                ?? transactionError.beginError ?? transactionError.rollbackError
            guard let cause else { return .unclassified }
            return classify(cause)
        }
        switch error {
        case is any PermanentFailure, is DecodingError, is CloudEventError:
            return .permanent
        case let classifiable as any RetryClassifiable:
            return classifiable.isRetriable ? .transient : .unclassified
        case let psqlError as PSQLError:
            return classify(psqlError)
        default:
            return .unclassified
        }
    }

    static func classify(_ error: PSQLError) -> FailureKind {
        guard let sqlState = error.serverInfo?[.sqlState] else {
            return error.code == .tooManyParameters ? .unclassified : .transient
        }
        let sqlClass = sqlState.prefix(2)
        if transientSQLStateClasses.contains(sqlClass) || transientSQLStates.contains(sqlState) {
            return .transient
        }
        if permanentSQLStateClasses.contains(sqlClass) {
            return .permanent
        }
        return .unclassified
    }
}

/// An error that knows whether retrying can help (for example a broker error).
public protocol RetryClassifiable: Error {
    /// `true` when the same operation may succeed if tried again later.
    var isRetriable: Bool { get }
}
