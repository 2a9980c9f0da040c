/// What a step does to the stage clocks, in the contracts:
/// `{"effect": "start", "stage": "dispose"}`, `{"effect": "stop_all"}`,
/// `{"effect": "extend", "stage": "dispose", "by": {"amount": 2, "unit": "working_days"}}`.
///
/// Effects are listed in the order to apply them; stopping a clock that is not running is a no-op.
public enum StageClockEffectV1: Sendable, Hashable, Codable {
    /// Start (or restart) the stage's clock at the event time.
    case start(CaseStage)
    /// Stop the stage's clock.
    case stop(CaseStage)
    /// Stop every running clock.
    case stopAll
    /// Pause the stage's clock (parking).
    case pause(CaseStage)
    /// Resume a paused clock.
    case resume(CaseStage)
    /// Move the stage's deadline by an approved extension.
    case extend(CaseStage, by: TimeLimitV1)

    /// The contract form of a domain effect.
    public init(_ effect: StageClockEffect) {
        switch effect {
        case .start(let stage): self = .start(stage)
        case .stop(let stage): self = .stop(stage)
        case .stopAll: self = .stopAll
        case .pause(let stage): self = .pause(stage)
        case .resume(let stage): self = .resume(stage)
        case .extend(let stage, let amount): self = .extend(stage, by: TimeLimitV1(amount))
        }
    }

    /// The domain effect.
    public func stageClockEffect() throws(ContractValidationError) -> StageClockEffect {
        switch self {
        case .start(let stage): .start(stage)
        case .stop(let stage): .stop(stage)
        case .stopAll: .stopAll
        case .pause(let stage): .pause(stage)
        case .resume(let stage): .resume(stage)
        case .extend(let stage, let amount): .extend(stage, by: try amount.timeLimit(field: "by"))
        }
    }

    /// The effect names: `start`, `stop`, `stop_all`, `pause`, `resume`, `extend`.
    public enum Name: String, Sendable, Hashable, Codable, CaseIterable {
        /// `start`.
        case start
        /// `stop`.
        case stop
        /// `stop_all`.
        case stopAll = "stop_all"
        /// `pause`.
        case pause
        /// `resume`.
        case resume
        /// `extend`.
        case extend
    }

    /// The effect's name.
    public var name: Name {
        switch self {
        case .start: .start
        case .stop: .stop
        case .stopAll: .stopAll
        case .pause: .pause
        case .resume: .resume
        case .extend: .extend
        }
    }

    private enum CodingKeys: String, CodingKey { case effect, stage, by }

    /// Decodes `{"effect": …, "stage": …, "by": …}`; unknown keys are ignored.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let name = try container.decode(Name.self, forKey: .effect)
        switch name {
        case .start: self = .start(try container.decode(CaseStage.self, forKey: .stage))
        case .stop: self = .stop(try container.decode(CaseStage.self, forKey: .stage))
        case .stopAll: self = .stopAll
        case .pause: self = .pause(try container.decode(CaseStage.self, forKey: .stage))
        case .resume: self = .resume(try container.decode(CaseStage.self, forKey: .stage))
        case .extend:
            self = .extend(
                try container.decode(CaseStage.self, forKey: .stage), by: try container.decode(TimeLimitV1.self, forKey: .by))
        }
    }

    /// Encodes `{"effect": …, "stage": …, "by": …}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .effect)
        switch self {
        case .start(let stage), .stop(let stage), .pause(let stage), .resume(let stage):
            try container.encode(stage, forKey: .stage)
        case .stopAll:
            break
        case .extend(let stage, let amount):
            try container.encode(stage, forKey: .stage)
            try container.encode(amount, forKey: .by)
        }
    }
}
