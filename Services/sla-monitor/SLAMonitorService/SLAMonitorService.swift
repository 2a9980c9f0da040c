// SLAMonitorService
