/// A domain or validation error that knows its API form. Conform service errors to it and the
/// ``ProblemMiddleware`` answers them with the right status instead of a 500.
public protocol APIErrorConvertible: Error {
    /// The client-facing problem.
    var apiError: APIError { get }
}
