// IntakeService
