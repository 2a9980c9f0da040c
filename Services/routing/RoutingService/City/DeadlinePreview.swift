import Foundation
public import GridDomain

/// The deadlines a disposal unit's task will get, computed the way the SLA monitor times stages
/// (deadline policy × working calendar), for showing with the task. The SLA monitor's clocks are the
/// authority (they also know about pauses); this is what the unit should plan for.
public struct DeadlinePreview: Sendable {
    /// The city's deadline policy.
    public let policy: DeadlinePolicy
    /// The city's working calendar.
    public let calendar: WorkingCalendar

    /// Creates a preview from a loaded policy and calendar.
    public init(policy: DeadlinePolicy, calendar: WorkingCalendar) {
        self.policy = policy
        self.calendar = calendar
    }

    /// When `stage` of a case of `category` in `areaClass`, started at `start`, falls due, with the
    /// `extensions` granted so far added from the due time in force; `nil` when the calendar does not
    /// cover the dates involved.
    public func dueAt(
        stage: CaseStage, category: CategoryCode?, areaClass: AreaClass?, from start: Date, extensions: [TimeLimit] = []
    ) -> (limit: TimeLimit, dueAt: Date)? {
        let rule = policy.rule(for: category, stage: stage, areaClass: areaClass)
        do {
            var due = try calendar.deadline(for: rule.limit, from: start)
            for granted in extensions {
                due = try calendar.deadline(for: granted, from: due)
            }
            return (rule.limit, due)
        } catch {
            return nil
        }
    }
}
