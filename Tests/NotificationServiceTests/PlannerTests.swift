import Foundation
import GridDomain
import NotificationService
import Testing

@Suite("Planning notifications")
struct PlannerTests {
    let city: NotificationCity
    let planner: NotificationPlanner

    init() throws {
        city = try NotificationFixtures.city()
        planner = NotificationPlanner(city: city)
    }

    func plan(_ published: NotificationFixtures.Published, reporter: ReporterOnRecord? = nil) throws -> [PlannedDelivery] {
        planner.plan(try NotificationFixtures.notifiable(published), eventId: published.id, eventType: published.type, reporter: reporter)
    }

    @Test("a dispatch tells the lead unit and each co-unit with their templates, rendered in zh-CN")
    func dispatched() throws {
        let (events, _) = try NotificationFixtures.hotlineCase()
        let dispatched = events[4]
        #expect(dispatched.type == "gridloop.case.dispatched.v1")
        let planned = try plan(dispatched)
        #expect(planned.map(\.recipient.text) == ["unit:S339901001-SANITATION", "unit:S339901001-ENFORCE"])
        #expect(planned.map(\.template) == ["dispatched-lead", "dispatched-co"])
        #expect(planned.allSatisfy { $0.channel == .sink && $0.undeliverableReason == nil })
        let lead = planned[0]
        #expect(lead.address == "unit-S339901001-SANITATION")
        #expect(lead.recipientName == "五港镇环卫所")
        #expect(lead.title == "【派遣】LJ2025031200042 暴露垃圾")
        #expect(
            lead.body
                == "五港镇环卫所：临江市城市运行管理服务平台于2025-03-12 09:40向贵单位派遣案件LJ2025031200042（暴露垃圾，紧急），"
                + "位置：江滨区五港镇春桥村，网格339901001001001。协办单位：五港镇综合执法队。请及时签收并处置。")
        #expect(planned[1].body.contains("由五港镇环卫所主办，贵单位为协办单位"))
        #expect(lead.eventKey == "\(lead.caseId)/5")
        #expect(lead.place == "339901001001001")
        #expect(Set(planned.map(\.id)).count == 2)
    }

    @Test("without co-units the lead's message says 无")
    func noCoUnits() throws {
        let (events, _) = try NotificationFixtures.hotlineCase(coUnits: [])
        let planned = try plan(events[4])
        #expect(planned.count == 1)
        #expect(planned[0].body.contains("协办单位：无。"))
    }

    @Test("steps without routes plan nothing; the opening event only feeds the reporter record")
    func otherSteps() throws {
        let (events, _) = try NotificationFixtures.hotlineCase()
        let notifiable = events.map { NotifiableEvent($0.event) != nil }
        #expect(notifiable == [true, false, false, false, true, false, false, false, false, false, true])
        #expect(try plan(events[0]).isEmpty)
        guard case .opened(let opened) = try NotificationFixtures.notifiable(events[0]) else {
            Issue.record("the opening event is not .opened")
            return
        }
        let reporter = try #require(ReporterOnRecord(opened))
        #expect(reporter == ReporterOnRecord(channel: .hotline12345, maskedPhone: "138****5678", hasPhone: true, accountId: nil, confidential: false))
    }

    @Test("closing tells the reporter through the hotline's contact, with the phone masked")
    func closed() throws {
        let (events, _) = try NotificationFixtures.hotlineCase()
        let closed = try #require(events.last)
        #expect(closed.type == "gridloop.case.closed.v1")
        #expect(try plan(closed).isEmpty)  // no reporter on record: nobody to tell
        let reporter = ReporterOnRecord(channel: .hotline12345, maskedPhone: "138****5678", hasPhone: true, accountId: nil, confidential: false)
        let planned = try plan(closed, reporter: reporter)
        #expect(planned.count == 1)
        let notice = planned[0]
        #expect(notice.recipient == .reporter(.hotline12345))
        #expect(notice.address == "reporter-12345")
        #expect(notice.recipientName == "报告人")
        #expect(notice.body.hasPrefix("尊敬的市民（138****5678）：您通过12345热线反映的问题（案件LJ2025031200042）已于"))
        #expect(!notice.body.contains("13812345678"))
        #expect(!notice.body.contains("张"))

        let confidential = ReporterOnRecord(channel: .hotline12345, maskedPhone: nil, hasPhone: true, accountId: nil, confidential: true)
        #expect(try plan(closed, reporter: confidential)[0].body.hasPrefix("尊敬的市民（（保密））"))
        let sensing = ReporterOnRecord(channel: .sensing, maskedPhone: nil, hasPhone: false, accountId: "cam-1", confidential: false)
        #expect(try plan(closed, reporter: sensing).isEmpty)
    }

    @Test("a yellow card warns the lead unit only")
    func yellowCard() throws {
        let (_, states) = try NotificationFixtures.hotlineCase()
        let card = try NotificationFixtures.card(.yellow, of: states[4])
        let planned = try plan(card)
        #expect(planned.map(\.recipient.text) == ["unit:S339901001-SANITATION"])
        #expect(planned[0].title == "【黄牌预警】LJ2025031200042 签收即将超时")
        #expect(planned[0].body.contains("的签收环节将于2025-03-12 11:40到期"))
        let stageStart = Int64(states[4].updatedAt.timeIntervalSince1970 * 1000)
        #expect(planned[0].eventKey == "\(states[4].id)/yellow-card/sign_for/\(stageStart)")
    }

    @Test("a red card goes to the lead unit and the district's command centre")
    func redCard() throws {
        let (_, states) = try NotificationFixtures.hotlineCase()
        let planned = try plan(try NotificationFixtures.card(.red, of: states[4]))
        #expect(planned.map(\.recipient.text) == ["unit:S339901001-SANITATION", "centre:339901"])
        #expect(planned[0].body.contains("已报江滨区指挥中心督办"))
        #expect(planned[1].recipientName == "江滨区指挥中心")
        #expect(planned[1].template == "red-card-escalation")
        #expect(planned[1].body.hasPrefix("江滨区指挥中心：五港镇环卫所承办的案件LJ2025031200042"))
    }

    @Test("escalation targets: a named unit, the city, a supervising level resolved from the lead unit")
    func escalationTargets() throws {
        let (_, states) = try NotificationFixtures.hotlineCase()
        let toUnit = try plan(try NotificationFixtures.card(.red, of: states[4], escalation: .init(target: .unit, unit: UnitID("C-URBAN"))))
        #expect(toUnit.map(\.recipient.text) == ["unit:S339901001-SANITATION", "unit:C-URBAN"])
        let toCity = try plan(try NotificationFixtures.card(.red, of: states[4], escalation: .init(target: .level, level: .city)))
        #expect(toCity[1].recipient.text == "centre:339900")
        // The lead unit is a street unit, so "supervising" without a resolved level is the district.
        let unresolved = try plan(try NotificationFixtures.card(.red, of: states[4], escalation: .init(target: .supervising)))
        #expect(unresolved[1].recipient.text == "centre:339901")
        // A community-level target reaches the street's centre (the sample city has none for communities).
        let community = try plan(try NotificationFixtures.card(.red, of: states[4], escalation: .init(target: .level, level: .community)))
        #expect(community[1].recipient.text == "centre:339901001")
    }

    @Test("manual dispatch tells the district's dispatch desk; the explanation is masked")
    func manualDispatch() throws {
        let (_, states) = try NotificationFixtures.hotlineCase()
        let planned = try plan(try NotificationFixtures.manualDispatch(of: states[3]))
        #expect(planned.map(\.recipient.text) == ["dispatch_desk:339901"])
        #expect(planned[0].recipientName == "江滨区指挥中心派遣席")
        #expect(planned[0].body.contains("原因：权责清单无责任单位"))
        #expect(planned[0].body.contains("举报人电话138****5678"))
        #expect(!planned[0].body.contains("13812345678"))
        #expect(planned[0].body.contains("候选单位：五港镇环卫所"))
        let unplaced = try plan(try NotificationFixtures.manualDispatch(of: states[3], placement: .unknown))
        #expect(unplaced.map(\.recipient.text) == ["dispatch_desk:339900"])
        #expect(unplaced[0].body.contains("未定位"))
        #expect(unplaced[0].place == nil)
    }

    @Test("a unit unknown to the city without a default contact is planned as undeliverable")
    func unknownUnit() throws {
        let (_, states) = try NotificationFixtures.hotlineCase()
        let planned = try plan(try NotificationFixtures.card(.yellow, of: states[4], leadUnit: UnitID("X-NEW-UNIT")))
        #expect(planned.count == 1)
        #expect(planned[0].channel == .none)
        #expect(planned[0].address == "")
        #expect(planned[0].undeliverableReason?.contains("unit:X-NEW-UNIT") == true)
        #expect(planned[0].recipientName == "X-NEW-UNIT")
    }

    @Test("the same event always has the same key; different events never do")
    func eventKeys() throws {
        let (events, states) = try NotificationFixtures.hotlineCase()
        let keys = events.compactMap { NotifiableEvent($0.event)?.eventKey }
        #expect(keys == [0, 4, 10].map { "\(events[0].event.caseId!)/\($0 + 1)" })
        let yellow = try NotificationFixtures.notifiable(try NotificationFixtures.card(.yellow, of: states[4]))
        let yellowAgain = try NotificationFixtures.notifiable(try NotificationFixtures.card(.yellow, of: states[4]))
        let red = try NotificationFixtures.notifiable(try NotificationFixtures.card(.red, of: states[4]))
        #expect(yellow.eventKey == yellowAgain.eventKey)
        #expect(yellow.eventKey != red.eventKey)
    }
}
