import Benchmark
import GridDomain

/// Resolving cases against the 权责清单 of a 16,000-grid city with 10,000 rules.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .throughput, .mallocCountTotal],
        timeUnits: .nanoseconds,
        maxDuration: .seconds(10))

    let loadCity: Benchmark.BenchmarkSetupHook = { _ = BenchmarkCity.shared }

    // One iteration resolves 1,000 cases (the throughput row reads as thousands of decisions/s).
    Benchmark(
        "resolve (16000 grids, 10000 rules)",
        configuration: .init(scalingFactor: .kilo, maxIterations: 100_000),
        closure: { benchmark in
            let city = BenchmarkCity.shared
            let count = city.queries.count
            var position = (benchmark.currentIteration &* 1_000) % count
            for _ in benchmark.scaledIterations {
                blackHole(city.resolver.resolve(city.queries[position], at: city.instants[position]).decision)
                position = position + 1 == count ? 0 : position + 1
            }
        },
        setup: loadCity)

    // Re-dispatch: the same cases with the unit of their first decision excluded.
    Benchmark(
        "resolve excluding a unit (re-dispatch)",
        configuration: .init(scalingFactor: .kilo, maxIterations: 100_000),
        closure: { benchmark in
            let city = BenchmarkCity.shared
            let count = city.queries.count
            let excluded = [UnitID("D339901-ENFORCE"), UnitID("C-WATERSUPPLY")]
            var position = (benchmark.currentIteration &* 1_000) % count
            for _ in benchmark.scaledIterations {
                blackHole(city.resolver.resolve(city.queries[position], at: city.instants[position], excluding: excluded).decision)
                position = position + 1 == count ? 0 : position + 1
            }
        },
        setup: loadCity)

    Benchmark(
        "resolve and explain",
        configuration: .init(scalingFactor: .kilo, maxIterations: 10_000),
        closure: { benchmark in
            let city = BenchmarkCity.shared
            let count = city.queries.count
            var position = (benchmark.currentIteration &* 1_000) % count
            for _ in benchmark.scaledIterations {
                blackHole(city.resolver.resolve(city.queries[position], at: city.instants[position]).explanation)
                position = position + 1 == count ? 0 : position + 1
            }
        },
        setup: loadCity)

    Benchmark(
        "validate the whole list (gaps, conflicts, references)",
        configuration: .init(metrics: [.wallClock, .cpuTotal, .mallocCountTotal], timeUnits: .milliseconds, maxDuration: .seconds(20), maxIterations: 5),
        closure: { _ in
            let city = BenchmarkCity.shared
            blackHole(city.resolver.validate(from: EffectiveDate(year: 2025, month: 1, day: 1)!))
        },
        setup: loadCity)
}
