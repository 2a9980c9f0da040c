import Foundation

/// The case lifecycle as an explicit state machine: opens cases and applies steps, checking the state,
/// the actor's role, the step's guard and the time order, and returns the timeline event.
///
/// ```swift
/// let lifecycle = CaseLifecycle()
/// var (case, opened) = try lifecycle.open(id: CaseID(), number: number, report: report, by: worker, at: now)
/// let event = try lifecycle.apply(.file(category: nil, urgency: nil), to: &case, by: operator, at: now)
/// ```
///
/// The legal moves are listed in `CaseLifecycle.transitions` and drawn in `docs/lifecycle.md`.
/// A refused step throws `LifecycleError` and leaves the case unchanged.
public struct CaseLifecycle: Sendable {
    /// The city's choices about the loop.
    public struct Configuration: Sendable, Hashable {
        /// Channels whose reports must be confirmed on site before filing.
        /// Default: citizen app, 12345, 12319, Open311 and sensing (a supervisor's or grid worker's own
        /// report and a referral from above can be filed directly).
        public var channelsRequiringVerification: Set<CaseChannel>
        /// Channels whose cases need a call-back (回访) before closing — when a call-back is possible,
        /// i.e. the reporter left a phone number (anonymous cases close without; see
        /// `CaseLifecycle.callbackIsDue(on:)`). Default: 12345 and 12319.
        public var channelsRequiringCallback: Set<CaseChannel>
        /// The most extensions a case may be granted, or `nil` for no cap. Default: `nil`.
        public var maximumExtensions: Int?

        /// Creates a configuration; every parameter has the documented default.
        public init(
            channelsRequiringVerification: Set<CaseChannel> = [.citizenApp, .hotline12345, .hotline12319, .open311, .sensing],
            channelsRequiringCallback: Set<CaseChannel> = [.hotline12345, .hotline12319],
            maximumExtensions: Int? = nil
        ) {
            self.channelsRequiringVerification = channelsRequiringVerification
            self.channelsRequiringCallback = channelsRequiringCallback
            self.maximumExtensions = maximumExtensions
        }
    }

    /// The city's choices.
    public let configuration: Configuration

    /// Creates a lifecycle with a configuration (defaults documented on `Configuration`).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// Opens a case from a report; the case starts `reported` and the event starts the accept clock.
    ///
    /// Throws `reporterNotAllowed` when the actor's role cannot report through the report's channel
    /// (see `reporterRoles(for:)`).
    public func open(id: CaseID, number: CaseNumber, report: CaseReport, by actor: CaseActor, at time: Date)
        throws(LifecycleError) -> (case: Case, event: CaseEvent)
    {
        let allowed = Self.reporterRoles(for: report.channel)
        guard allowed.contains(actor.role) else {
            throw LifecycleError(
                code: .reporterNotAllowed, state: .reported, action: nil, role: actor.role,
                reason: "channel \(report.channel.rawValue) takes reports from \(Self.names(allowed)) only")
        }
        let opened = Case(id: id, number: number, report: report, openedAt: time)
        let event = CaseEvent(
            caseID: id, sequence: 1, action: nil, actor: actor, at: time, from: nil, to: .reported,
            clockEffects: [.start(.accept)])
        return (opened, event)
    }

    /// Applies a step to a case and returns the updated case and the event to record.
    public func apply(_ action: CaseAction, to current: Case, by actor: CaseActor, at time: Date)
        throws(LifecycleError) -> (case: Case, event: CaseEvent)
    {
        var updated = current
        let event = try apply(action, to: &updated, by: actor, at: time)
        return (updated, event)
    }

    /// Applies a step to a case in place and returns the event to record. On error the case is unchanged.
    @discardableResult
    public func apply(_ action: CaseAction, to current: inout Case, by actor: CaseActor, at time: Date)
        throws(LifecycleError) -> CaseEvent
    {
        let state = current.state
        let kind = action.kind
        func refuse(_ code: LifecycleError.Code, _ reason: String) -> LifecycleError {
            LifecycleError(code: code, state: state, action: kind, role: actor.role, reason: reason)
        }
        guard let transition = Self.transition(from: state, action: kind) else {
            let possible = Self.transitionIndex[state].map { $0.keys.map(\.rawValue).sorted() } ?? []
            let hint = possible.isEmpty ? "the state is final" : "possible steps: \(possible.joined(separator: ", "))"
            throw refuse(.illegalTransition, hint)
        }
        guard transition.roles.contains(actor.role) else {
            throw refuse(.roleNotAllowed, "only \(Self.names(transition.roles)) may take this step")
        }
        guard time >= current.updatedAt else {
            throw refuse(.outOfOrder, "the step is dated \(time) but the case's last step was at \(current.updatedAt)")
        }
        if let reason = guardFailure(action, on: current, by: actor) {
            throw refuse(.guardFailed, reason)
        }
        let effects = perform(action, on: &current, by: actor, at: time)
        current.state = transition.to
        current.updatedAt = time
        current.lastSequence += 1
        return CaseEvent(
            caseID: current.id, sequence: current.lastSequence, action: action, actor: actor, at: time,
            from: state, to: transition.to, clockEffects: effects)
    }

    static func names(_ roles: Set<ActorRole>) -> String {
        roles.map(\.rawValue).sorted().joined(separator: ", ")
    }
}
