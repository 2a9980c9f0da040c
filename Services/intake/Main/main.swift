import GridRuntime
import IntakeService

await ServiceRunner.main(Intake.self)
