import GridRuntime
import RoutingService

await ServiceRunner.main(Routing.self)
