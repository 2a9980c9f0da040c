#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain

extension StepProgress {
    /// Reads only what progress needs from the data of an opening event or a step of any type
    /// (`caseId`, `sequence`, `clockEffects`, `snapshot.state`), leniently: effects and stages this
    /// version does not know are ignored, so a newer producer never makes the notification consumer
    /// reject a step it does not otherwise use.
    /// - Returns: `nil` when the data lack a case id or sequence (nothing to record).
    public static func decode(lifecycleData data: [UInt8]) -> StepProgress? {
        guard let decoded = try? ContractJSON.decoder.decode(ProgressData.self, from: Data(data)) else { return nil }
        var ended: Set<CaseStage> = []
        for effect in decoded.clockEffects ?? [] {
            switch effect.effect {
            case StageClockEffectV1.Name.stopAll.rawValue:
                ended.formUnion(CaseStage.allCases)
            case StageClockEffectV1.Name.start.rawValue, StageClockEffectV1.Name.stop.rawValue:
                if let stage = effect.stage.flatMap(CaseStage.init(rawValue:)) { ended.insert(stage) }
            default:
                break
            }
        }
        return StepProgress(caseId: decoded.caseId, sequence: decoded.sequence, state: decoded.snapshot?.state ?? "", endedStages: ended)
    }

    /// The parts of a lifecycle event progress reads; every other field is skipped.
    private struct ProgressData: Decodable {
        struct Effect: Decodable {
            let effect: String
            let stage: String?
        }
        struct Snapshot: Decodable {
            let state: String?
        }
        let caseId: CaseID
        let sequence: Int
        let clockEffects: [Effect]?
        let snapshot: Snapshot?
    }
}
