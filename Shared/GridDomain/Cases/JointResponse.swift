import Foundation

/// A joint response (吹哨报到): the departments summoned and those that have reported at the scene.
public struct JointResponse: Sendable, Hashable, Codable {
    /// The departments summoned, in the order named.
    public let summoned: [UnitID]
    /// When each department reported (报到).
    public private(set) var arrivals: [UnitID: Date]
    /// When the whistle was blown.
    public let blownAt: Date

    /// Creates a joint response with no arrivals yet.
    public init(summoned: [UnitID], blownAt: Date) {
        self.summoned = summoned
        self.arrivals = [:]
        self.blownAt = blownAt
    }

    /// True when every summoned department has reported.
    public var allArrived: Bool { summoned.allSatisfy { arrivals[$0] != nil } }

    /// Records a department's arrival.
    mutating func recordArrival(of unit: UnitID, at time: Date) { arrivals[unit] = time }
}
