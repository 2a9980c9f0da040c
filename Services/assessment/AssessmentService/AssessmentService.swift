// AssessmentService
