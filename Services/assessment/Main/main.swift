import GridRuntime
import AssessmentService

await ServiceRunner.main(Assessment.self)
