import Foundation
import GridDomain
import Testing

/// The explicit JSON coding of lifecycle steps, clock effects and time limits.
@Suite("Contract: actions")
struct ContractActionTests {
    /// One step of every kind, with every optional parameter both present and absent somewhere.
    static let actions: [CaseAction] = CaseAction.Kind.allCases.map { LifecycleFixtures.sample($0).0 } + [
        .reportVerification(confirmed: false, note: nil),
        .file(category: nil, urgency: nil),
        .notFile(reason: .belowFilingStandard, note: "面积不足"),
        .dispatch(lead: UnitID("D339901-SANITATION"), coUnits: []),
        .requestExtension(.workingDays(2), reason: "等待配件"),
        .requestExtension(.working(minutes: 90), reason: "等待配件"),
        .requestExtension(.natural(minutes: 1440), reason: "节假日"),
        .requestExtension(.natural(minutes: 150), reason: "夜间施工"),
        .approveExtension(granted: .workingDays(1)),
        .passCheck(note: nil),
        .recordCallback(satisfaction: .basicallySatisfied, note: "基本满意"),
        .selfDispose(note: "当场清理", attachments: [URL(string: "https://media.example.org/a/1.jpg")!]),
    ]

    @Test("the sample set covers every step")
    func samplesCoverEveryKind() {
        #expect(Set(Self.actions.map(\.kind)) == Set(CaseAction.Kind.allCases))
    }

    @Test("every CaseAction round-trips through JSON exactly", arguments: actions)
    func roundTrip(action: CaseAction) throws {
        let contract = CaseActionV1(action)
        #expect(contract.kind == action.kind)
        let data = try ContractJSON.encode(contract)
        let decoded = try ContractJSON.decode(CaseActionV1.self, from: data)
        #expect(decoded == contract)
        #expect(try decoded.caseAction() == action)
        // The step is named by the Kind's raw value and only the step's own keys are written.
        let object = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["step"] as? String == action.kind.rawValue)
        let keys = CaseActionV1.parameterKeys(of: action.kind)
        #expect(Set(object.keys).isSubset(of: Set(["step"] + keys.required + keys.optional)))
        #expect(Set(keys.required).isSubset(of: Set(object.keys)))
    }

    @Test("steps are flat, readable objects")
    func readableShape() throws {
        let dispatch = CaseActionV1(.dispatch(lead: UnitID("D339901-SANITATION"), coUnits: [UnitID("D339901-GARDEN")]))
        #expect(try String(decoding: ContractJSON.encode(dispatch), as: UTF8.self)
            == #"{"coUnits":["D339901-GARDEN"],"lead":"D339901-SANITATION","step":"dispatch"}"#)
        let extensionRequest = CaseActionV1(.requestExtension(.workingDays(2), reason: "等待配件"))
        #expect(try String(decoding: ContractJSON.encode(extensionRequest), as: UTF8.self)
            == #"{"reason":"等待配件","requested":{"amount":2,"unit":"working_days"},"step":"request_extension"}"#)
        #expect(try String(decoding: ContractJSON.encode(CaseActionV1.signFor), as: UTF8.self) == #"{"step":"sign_for"}"#)
        let duplicate = CaseActionV1(.markDuplicate(of: CaseID("0B6C3F1E-8A4D-4C43-9D1E-2F0E6C1B7A55")!))
        #expect(try String(decoding: ContractJSON.encode(duplicate), as: UTF8.self)
            == #"{"duplicateOf":"0b6c3f1e-8a4d-4c43-9d1e-2f0e6c1b7a55","step":"mark_duplicate"}"#)
    }

    @Test("unknown keys are ignored and absent lists read as empty")
    func tolerantReader() throws {
        let json = #"{"step":"dispatch","lead":"U-A","priority":3,"routing":{"rule":"R-17","explain":["a"]}}"#
        let action = try ContractJSON.decode(CaseActionV1.self, from: Data(json.utf8))
        #expect(try action.caseAction() == .dispatch(lead: UnitID("U-A"), coUnits: []))
    }

    @Test("an unknown step or a missing parameter is an error naming it")
    func strictSteps() {
        #expect {
            try ContractJSON.decode(CaseActionV1.self, from: Data(#"{"step":"teleport"}"#.utf8))
        } throws: { error in
            "\(error)".contains("unknown step 'teleport'")
        }
        #expect(throws: DecodingError.self) {
            try ContractJSON.decode(CaseActionV1.self, from: Data(#"{"step":"dispatch","coUnits":[]}"#.utf8))
        }
    }

    @Test("every clock effect round-trips", arguments: [
        StageClockEffect.start(.dispose), .stop(.signFor), .stopAll, .pause(.dispose), .resume(.dispose),
        .extend(.dispose, by: .workingDays(2)), .extend(.dispose, by: .working(minutes: 45)),
    ])
    func clockEffects(effect: StageClockEffect) throws {
        let data = try ContractJSON.encode(StageClockEffectV1(effect))
        #expect(try ContractJSON.decode(StageClockEffectV1.self, from: data).stageClockEffect() == effect)
    }

    @Test("clock effects and time limits have a stable form")
    func clockEffectShape() throws {
        #expect(try String(decoding: ContractJSON.encode(StageClockEffectV1(.stopAll)), as: UTF8.self) == #"{"effect":"stop_all"}"#)
        #expect(try String(decoding: ContractJSON.encode(StageClockEffectV1(.extend(.dispose, by: .workingHours(4)))), as: UTF8.self)
            == #"{"by":{"amount":4,"unit":"working_hours"},"effect":"extend","stage":"dispose"}"#)
        #expect(TimeLimitV1(.natural(minutes: 2880)) == TimeLimitV1(amount: 2, unit: .naturalDays))
        #expect(try TimeLimitV1(amount: 3, unit: .naturalHours).timeLimit() == .natural(minutes: 180))
        #expect(throws: ContractValidationError.self) { try TimeLimitV1(amount: Int.max, unit: .workingHours).timeLimit() }
    }

    @Test("natural seconds are written as seconds only when they are not whole minutes")
    func naturalSeconds() throws {
        #expect(TimeLimitV1(.naturalSeconds(45)) == TimeLimitV1(amount: 45, unit: .naturalSeconds))
        #expect(TimeLimitV1(.naturalSeconds(120)) == TimeLimitV1(amount: 2, unit: .naturalMinutes))
        #expect(try TimeLimitV1(amount: 45, unit: .naturalSeconds).timeLimit() == .naturalSeconds(45))
        #expect(try TimeLimitV1(amount: 180, unit: .naturalSeconds).timeLimit() == .natural(minutes: 3))
        let data = try ContractJSON.encode(StageClockEffectV1(.extend(.signFor, by: .naturalSeconds(30))))
        #expect(String(decoding: data, as: UTF8.self) == #"{"by":{"amount":30,"unit":"natural_seconds"},"effect":"extend","stage":"sign_for"}"#)
        #expect(try ContractJSON.decode(StageClockEffectV1.self, from: data).stageClockEffect() == .extend(.signFor, by: .naturalSeconds(30)))
    }
}
