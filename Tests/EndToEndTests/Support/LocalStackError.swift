/// A failure of the end-to-end harness: the stack did not come up, a command failed, a wait ran out.
///
/// The message names what failed and where the logs are (the stack's state directory).
struct LocalStackError: Error, CustomStringConvertible {
    /// What went wrong, with the state directory or log excerpt that explains it.
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
