#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain

/// Turns a notifiable event into the deliveries the city's rules ask for: resolves each route's
/// recipients, finds their contacts, and renders the route's template. Pure: no I/O.
public struct NotificationPlanner: Sendable {
    /// The city and its rules.
    public let city: NotificationCity

    /// Creates a planner.
    public init(city: NotificationCity) {
        self.city = city
    }

    /// The deliveries for `event`, one per (recipient, channel), in route order (a recipient named by
    /// two routes of the event gets the first route's message only).
    /// - Parameters:
    ///   - event: The event.
    ///   - eventId: Its CloudEvents id.
    ///   - eventType: Its CloudEvents type.
    ///   - reporter: The case's reporter as recorded from the opening event, if any.
    ///   - newID: Makes delivery ids (random UUIDs by default).
    public func plan(
        _ event: NotifiableEvent, eventId: String, eventType: String, reporter: ReporterOnRecord?,
        newID: () -> UUID = UUID.init
    ) -> [PlannedDelivery] {
        guard let trigger = event.trigger else { return [] }
        let snapshot = event.snapshot
        let base = baseValues(event, reporter: reporter)
        var planned: [PlannedDelivery] = []
        var seen: Set<String> = []
        for route in city.rules.routes(for: trigger) {
            guard let template = city.rules.templates[route.template] else { continue }
            for recipient in recipients(of: route.role, for: event, reporter: reporter) {
                let resolved = city.rules.contacts.resolve(recipient, places: city.places)
                let reached = resolved?.recipient ?? recipient
                let channel = resolved?.contact.channel ?? .none
                guard seen.insert("\(reached.text)|\(channel.rawValue)").inserted else { continue }
                var values = base
                let recipientName = city.name(of: reached, contact: resolved?.contact)
                values[.recipientName] = recipientName
                let (title, body) = template.render(values)
                planned.append(
                    PlannedDelivery(
                        id: newID(), eventKey: event.eventKey, eventId: eventId, eventType: eventType, caseId: snapshot.caseId,
                        caseNumber: snapshot.caseNumber.rawValue, place: Self.mostPrecisePlace(snapshot.placement),
                        recipient: reached, recipientName: recipientName, channel: channel, address: resolved?.contact.address ?? "",
                        template: template.name, title: title, body: body,
                        undeliverableReason: resolved == nil ? "no contact for \(recipient.text) in contacts.csv and no default row" : nil))
            }
        }
        return planned
    }

    /// The recipients a role names for an event.
    func recipients(of role: RecipientRole, for event: NotifiableEvent, reporter: ReporterOnRecord?) -> [Recipient] {
        let snapshot = event.snapshot
        switch role {
        case .lead:
            if let (lead, _) = Self.assignment(of: event) { return [.unit(lead)] }
            return snapshot.leadUnit.map { [.unit($0)] } ?? []
        case .coUnits:
            if let (_, coUnits) = Self.assignment(of: event) { return coUnits.map(Recipient.unit) }
            return snapshot.coUnits.map(Recipient.unit)
        case .escalation:
            guard case .card(let card) = event else { return [] }
            return [escalationRecipient(card)]
        case .dispatchDesk:
            return [.dispatchDesk(snapshot.placement.district ?? city.places.city.code)]
        case .reporter:
            guard let reporter, city.rules.contacts.reachesReporters(of: reporter.channel) else { return [] }
            return [.reporter(reporter.channel)]
        }
    }

    /// Where a card escalates: the named unit, or the command centre of the target level at the case's
    /// place. A `supervising` target without a resolved level goes one level above the lead unit's
    /// (the city when the lead unit is unknown).
    func escalationRecipient(_ card: DeadlineCardV1) -> Recipient {
        if card.escalation.target == .unit, let unit = card.escalation.unit { return .unit(unit) }
        let level = card.escalation.level ?? levelAbove(card.snapshot.leadUnit.flatMap { city.units.unit($0)?.level }) ?? .city
        return .centre(place(at: level, in: card.snapshot.placement))
    }

    /// The case's place at `level`, or the nearest known place above it, or the city.
    func place(at level: GovernanceLevel, in placement: CasePlacementV1) -> PlaceCode {
        let candidates: [(GovernanceLevel, PlaceCode?)] = [
            (.community, placement.community), (.street, placement.street), (.district, placement.district),
        ]
        for (candidateLevel, code) in candidates where candidateLevel >= level {
            if let code, city.places.contains(code) { return code }
        }
        return city.places.city.code
    }

    private func levelAbove(_ level: GovernanceLevel?) -> GovernanceLevel? {
        guard let level, let index = GovernanceLevel.allCases.firstIndex(of: level) else { return nil }
        let next = GovernanceLevel.allCases.index(after: index)
        return next < GovernanceLevel.allCases.endIndex ? GovernanceLevel.allCases[next] : .city
    }

    /// The lead and co-units a dispatch or re-dispatch step names.
    static func assignment(of event: NotifiableEvent) -> (lead: UnitID, coUnits: [UnitID])? {
        guard case .dispatched(let step) = event else { return nil }
        switch step.action {
        case .dispatch(let lead, let coUnits), .redispatch(let lead, let coUnits): return (lead, coUnits)
        default: return nil
        }
    }

    static func mostPrecisePlace(_ placement: CasePlacementV1) -> String? {
        (placement.grid ?? placement.community ?? placement.street ?? placement.district)?.digits
    }
}
