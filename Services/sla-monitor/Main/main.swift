print("sla-monitor")
