import Foundation
import GridDomain
import GridRuntime
import PostgresNIO
import RoutingService
import NIOCore
import Testing
import TestSupport

/// Routing's schema and store against a real PostgreSQL.
@Suite struct StoreTests {
    @Test func migrationsApplyOnceAndAgreeWithTheRecordedChecksums() async throws {
        try await RoutingDatabase.with { database in
            let again = try await MigrationRunner(configuration: .init(schema: database.schema), logger: database.logger)
                .run(RoutingSchema.migrations, on: database.client)
            #expect(again.applied.isEmpty && again.alreadyApplied == 2)
            let tables = try await RoutingDatabase.count(
                "SELECT count(*)::int8 FROM pg_tables WHERE schemaname = 'routing' AND tablename IN ('cases', 'assignments', 'dispatch_queue')",
                in: database)
            #expect(tables == 3)
        }
    }

    @Test func aSavedWorkspaceLoadsBackWithItsTasksQueueAndEvents() async throws {
        try await RoutingDatabase.with { database in
            var dispatched = try IntakeCase()
            try dispatched.file()
            var unplaced = try IntakeCase(grid: nil)
            try unplaced.file()
            var workspace = try RoutingFixtures.workspace()
            try workspace.apply(dispatched.events + unplaced.events)
            workspace.settle(now: RoutingFixtures.start.addingTimeInterval(600))
            try await RoutingDatabase.save(workspace, in: database)

            let loaded = try await RoutingDatabase.load([dispatched.id, unplaced.id], in: database)
            #expect(loaded.count == 2)
            for replica in loaded {
                let original = try #require(workspace[replica.id])
                #expect(replica.current == original.current)
                #expect(replica.placement == original.placement)
                #expect(replica.assignmentRound == original.assignmentRound && replica.taskStatus == original.taskStatus)
                #expect(replica.queued == original.queued && replica.isStored)
            }
            let outbox = try await RoutingDatabase.count("SELECT count(*)::int8 FROM outbox", in: database)
            #expect(outbox == 2)  // the dispatch and the manual-dispatch notice

            let queries = RoutingQueries(client: database.client)
            let tasks = try await queries.tasks(
                leadUnits: [UnitID("M339901001001")], statuses: TaskStatus.open, limit: 10, offset: 0, logger: database.logger)
            #expect(tasks.map(\.replica.id) == [dispatched.id])
            #expect(tasks.first?.task.round == 1 && tasks.first?.task.status == .dispatched)
            let others = try await queries.tasks(
                leadUnits: [UnitID("S339901001-SANITATION")], statuses: TaskStatus.open, limit: 10, offset: 0, logger: database.logger)
            #expect(others.isEmpty)

            let everywhere = try await queries.openQueue(placeScopes: ["*"], reason: nil, limit: 10, offset: 0, logger: database.logger)
            #expect(everywhere.map(\.caseId) == [unplaced.id] && everywhere.first?.reason == .locationUnresolved)
            let district = try await queries.openQueue(placeScopes: ["339901"], reason: nil, limit: 10, offset: 0, logger: database.logger)
            #expect(district.isEmpty)

            let history = try await queries.assignments(of: dispatched.id, logger: database.logger)
            #expect(history.count == 1 && history.first?.ruleId == "R00045" && history.first?.explanation?.resolver?.ruleId == "R00045")
        }
    }

    @Test func returnsAndRedispatchesKeepEveryAssignment() async throws {
        try await RoutingDatabase.with { database in
            var intake = try IntakeCase(category: "C0102")
            try intake.file()
            var first = try RoutingFixtures.workspace()
            try first.apply(intake.events)
            let t0 = intake.current.updatedAt
            first.settle(now: t0)
            try await RoutingDatabase.save(first, in: database)

            var second = try RoutingFixtures.workspace(try await RoutingDatabase.load([intake.id], in: database))
            let drainage = CaseActor(role: .disposalUnit, id: "u-7", unit: UnitID("C-DRAINAGE"))
            try second.take(.returnToDispatcher(reason: "非排水设施"), on: intake.id, by: drainage, at: t0.addingTimeInterval(60))
            second.settle(now: t0.addingTimeInterval(61))
            try await RoutingDatabase.save(second, in: database)

            let history = try await RoutingQueries(client: database.client).assignments(of: intake.id, logger: database.logger)
            #expect(history.map(\.round) == [1, 2])
            #expect(history[0].status == .returned && history[0].returnReason == "非排水设施" && history[0].returnedAt == t0.addingTimeInterval(60))
            #expect(history[1].leadUnit == UnitID("D339901-MUNICIPAL") && history[1].status == .dispatched)
            let reloaded = try #require(try await RoutingDatabase.load([intake.id], in: database).first)
            #expect(reloaded.returnedBy == [UnitID("C-DRAINAGE")] && reloaded.assignmentRound == 2)
            #expect(reloaded.current.counters.redispatchCount == 1 && reloaded.current.state == .dispatched)
        }
    }

    @Test func aLargeBatchIsSavedAndLoadedWhole() async throws {
        try await RoutingDatabase.with { database in
            var cases: [IntakeCase] = []
            for index in 0..<300 {
                var intake = try IntakeCase(grid: index % 10 == 0 ? nil : RoutingFixtures.grid)
                try intake.file()
                cases.append(intake)
            }
            var workspace = try RoutingFixtures.workspace()
            try workspace.apply(cases.flatMap(\.events))
            workspace.settle(now: RoutingFixtures.start.addingTimeInterval(600))
            #expect(workspace.outcomes.automaticDispatches == 270 && workspace.outcomes.queued[.locationUnresolved] == 30)
            try await RoutingDatabase.save(workspace, in: database)

            #expect(try await RoutingDatabase.count("SELECT count(*)::int8 FROM cases", in: database) == 300)
            #expect(try await RoutingDatabase.count("SELECT count(*)::int8 FROM assignments", in: database) == 270)
            #expect(try await RoutingDatabase.count("SELECT count(*)::int8 FROM dispatch_queue WHERE resolved_at IS NULL", in: database) == 30)
            #expect(try await RoutingDatabase.count("SELECT count(*)::int8 FROM outbox", in: database) == 300)
            let loaded = try await RoutingDatabase.load(cases.map(\.id), in: database)
            #expect(loaded.count == 300)
            #expect(loaded.filter { $0.current.state == .dispatched }.count == 270)
        }
    }
}
