#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain

extension NotificationPlanner {
    /// The template values of an event, without ``TemplateField/recipientName`` (set per recipient).
    /// Names come from the city's files; the only free text (a manual-dispatch explanation) is masked.
    func baseValues(_ event: NotifiableEvent, reporter: ReporterOnRecord?) -> [TemplateField: String] {
        let snapshot = event.snapshot
        let presentation = city.rules.presentation
        var values: [TemplateField: String] = [
            .platformName: presentation.platformName,
            .caseId: snapshot.caseId.description,
            .caseNumber: snapshot.caseNumber.rawValue,
            .urgency: snapshot.urgency.chineseName,
            .channel: snapshot.channel.chineseName,
            .state: snapshot.state.noticeName,
            .occurredAt: presentation.localTime(event.occurredAt),
            .categoryName: "未分类",
            .leadUnitName: "未指定",
        ]
        if let category = snapshot.category {
            values[.categoryCode] = category.description
            values[.categoryName] = city.catalog.definition(category)?.name ?? category.description
        }
        let placement = snapshot.placement
        let named = [placement.district, placement.street, placement.community].compactMap { $0 }.map(city.name(of:))
        values[.placeName] = named.isEmpty ? "未定位" : named.joined()
        values[.districtName] = placement.district.map(city.name(of:))
        values[.streetName] = placement.street.map(city.name(of:))
        values[.communityName] = placement.community.map(city.name(of:))
        values[.grid] = placement.grid?.digits
        let assignment = Self.assignment(of: event)
        if let lead = assignment?.lead ?? snapshot.leadUnit { values[.leadUnitName] = city.name(of: lead) }
        values[.coUnitNames] = Self.list((assignment?.coUnits ?? snapshot.coUnits).map(city.name(of:)))
        values[.externalReference] = snapshot.externalReference.map(Masking.freeText)
        values[.satisfaction] = snapshot.callback?.satisfaction.chineseName
        if let reporter {
            values[.reporterPhone] = reporter.confidential ? "（保密）" : reporter.maskedPhone.map(Masking.phone)
        }
        switch event {
        case .card(let card):
            values[.stageName] = card.stage.chineseName
            values[.dueAt] = presentation.localTime(card.dueAt)
            values[.cardName] = card.card.noticeName
            let target = escalationRecipient(card)
            values[.escalationName] = city.name(of: target, contact: city.rules.contacts.contacts[target])
        case .manualDispatch(let notice):
            values[.reason] = notice.reason.noticeName
            values[.explanation] = Masking.freeText(notice.explanation)
            values[.candidateNames] = Self.list(notice.candidates.map(city.name(of:)))
        case .opened, .dispatched, .closed:
            break
        }
        return values
    }

    /// Names joined with `、`, or `无` when there are none.
    static func list(_ names: [String]) -> String {
        names.isEmpty ? "无" : names.joined(separator: "、")
    }
}
