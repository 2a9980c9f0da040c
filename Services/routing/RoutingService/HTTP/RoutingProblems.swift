import GridDomain
import GridRuntime

/// The API's answers to refused requests.
enum RoutingProblems {
    /// 409 unless routing owns the case's state now (naming the owner, or saying the case is finished).
    static func requireRoutingPhase(_ replica: CaseReplica) throws(APIError) {
        let state = replica.current.state
        switch ContractPhaseOwner.owner(of: state) {
        case .routing?:
            return
        case .intake?:
            throw APIError.conflict(
                "case \(replica.id) is \(state.rawValue) (\(state.chineseName)); the supervision centre (intake) owns it in this phase: send the request to intake",
                code: "owned_by_intake")
        case nil:
            throw APIError.conflict(
                "case \(replica.id) is \(state.rawValue) (\(state.chineseName)), a final state; no further step is possible",
                code: "case_finished")
        }
    }

    /// The client-facing form of a refused lifecycle step.
    static func refused(_ error: LifecycleError) -> APIError {
        switch error.code {
        case .roleNotAllowed:
            return .forbidden(error.description)
        case .illegalTransition:
            return .conflict(error.description, code: "illegal_transition")
        case .outOfOrder:
            return .conflict(error.description, code: "out_of_order")
        default:
            return .conflict(error.description, code: "step_refused")
        }
    }

    /// Requires the principal to see the case's place (a case without a place only with scope `*`).
    static func requireScope(_ principal: Principal, for replica: CaseReplica) throws(APIError) {
        if let place = replica.place {
            try principal.requireScope(place: place)
        } else if !principal.placeScopes.contains("*") {
            throw .forbidden("case \(replica.id) could not be placed; only city-wide users (place scope *) may handle it")
        }
    }

    /// The unit the principal acts for on this case: the lead unit, or in a joint response a summoned
    /// department when `summonedToo`.
    static func actingUnit(_ principal: Principal, on replica: CaseReplica, summonedToo: Bool = false) throws(APIError) -> UnitID {
        let current = replica.current
        if let lead = current.assignment?.lead, principal.actsFor(lead) { return lead }
        if summonedToo, let summoned = current.jointResponse?.summoned.first(where: principal.actsFor) { return summoned }
        if let lead = current.assignment?.lead {
            throw .forbidden("you do not act for \(lead), the lead unit of case \(replica.id)")
        }
        throw .conflict("case \(replica.id) has no lead unit yet", code: "not_dispatched")
    }
}

extension Principal {
    /// The level of the centre the user works at, read from the widest place scope: `*` the city,
    /// a district code the district, a street code the street…; `nil` without scopes.
    var centreLevel: GovernanceLevel? {
        if placeScopes.contains("*") { return .city }
        guard let shortest = placeScopes.map(\.utf8.count).min() else { return nil }
        switch shortest {
        case ...6: return .district
        case ...9: return .street
        case ...12: return .community
        default: return .grid
        }
    }
}
