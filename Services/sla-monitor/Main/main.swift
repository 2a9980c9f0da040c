import GridRuntime
import SLAMonitorService

await ServiceRunner.main(SLAMonitor.self)
