import GridRuntime
import NotificationService

await ServiceRunner.main(Notifications.self)
