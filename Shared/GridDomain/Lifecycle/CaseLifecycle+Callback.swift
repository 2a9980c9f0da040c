extension CaseLifecycle {
    /// Whether `current` must have a call-back (回访) recorded before it may close.
    ///
    /// A call-back is due when the case came through one of ``Configuration/channelsRequiringCallback``
    /// (12345 and 12319 by default), **the reporter left a phone number** (confidential or not: a
    /// confidential number is hidden from disposal units, not from the hotline agent who calls back),
    /// and none is recorded yet. An anonymous hotline case cannot be called back, so it closes without
    /// one; otherwise it could never close.
    public func callbackIsDue(on current: Case) -> Bool {
        configuration.channelsRequiringCallback.contains(current.report.channel)
            && current.report.reporter.phone != nil
            && current.callback == nil
    }
}
