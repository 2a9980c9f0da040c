import GridDomain
import GridRuntime

// Errors that make a consumed message unprocessable for good: the inbox rejects the message at once
// (no retries) and the consumer dead-letters it with the error's type and description
// (`dlt.error.type` = `GridDomain.ContractValidationError`, …), as docs/contracts.md describes.
// (GridRuntime's classifier does not know GridDomain's contract errors, hence the conformances here.)

/// An invalid work order, alert or event: every problem is listed in the dead letter.
extension ContractValidationError: PermanentFailure {}

/// A lifecycle event that cannot be replayed onto intake's replica (gap, refused, diverged).
extension CaseReplayError: PermanentFailure {}

/// A step the lifecycle refuses (an automatic step that does not fit the replica).
extension LifecycleError: PermanentFailure {}

/// A report outside the city or naming an unknown place.
extension LocationError: PermanentFailure {}
