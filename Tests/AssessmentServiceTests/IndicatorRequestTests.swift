import Foundation
import GridDomain
import GridRuntime
import HTTPTypes
import Testing

@testable import AssessmentService

/// Validation of the `GET /v1/indicators` query: every problem reported at once.
@Suite struct IndicatorRequestTests {
    static let valid: [(name: String, value: String)] = [
        ("from", "2025-03-03T00:00:00+08:00"), ("to", "2025-03-04T00:00:00+08:00"), ("groupBy", "district"),
    ]

    func parse(_ parameters: [(name: String, value: String)]) throws -> IndicatorRequest {
        try IndicatorRequest(parameters: parameters, city: SampleCity.load())
    }

    func problem(_ parameters: [(name: String, value: String)]) throws -> APIError {
        do {
            _ = try parse(parameters)
        } catch let error as APIError {
            return error
        }
        Issue.record("expected the query to be refused")
        return APIError.badRequest("")
    }

    @Test func aValidQueryIsParsed() throws {
        let request = try parse(
            Self.valid + [("district", "339901"), ("street", "339901002"), ("category", "E01")])
        #expect(request.period == AssessmentScenario.period)
        #expect(request.grouping == .district)
        #expect(request.district == (try PlaceCode("339901")))
        #expect(request.street == (try PlaceCode("339901002")))
        #expect(request.category == (try CategoryCode("E01")))
    }

    @Test func everyProblemIsReportedAtOnce() throws {
        let error = try problem([
            ("from", "2025-03-03"), ("groupBy", "unit"), ("street", "33990100"), ("limit", "10"),
        ])
        #expect(error.status == .badRequest)
        #expect(error.code == "invalid_query")
        #expect(error.message.contains("from '2025-03-03' is not an RFC 3339 timestamp with a time zone"))
        #expect(error.message.contains("to is required"))
        #expect(error.message.contains("groupBy 'unit' is not one of department, district, street"))
        #expect(error.message.contains("street '33990100' is not a 9-digit street code"))
        #expect(error.message.contains("unknown parameter 'limit'"))
    }

    @Test func theLimitsMustBeInOrder() throws {
        let error = try problem([("from", "2025-03-04T00:00:00+08:00"), ("to", "2025-03-03T00:00:00+08:00"), ("groupBy", "street")])
        #expect(error.message == "invalid query: from must be before to")
    }

    @Test func aStreetMustLieInTheDistrict() throws {
        let error = try problem(Self.valid + [("district", "339902"), ("street", "339901002")])
        #expect(error.message.contains("street 339901002 does not lie in district 339902"))
    }

    @Test func codesTheCityDoesNotHaveAreUnprocessable() throws {
        let error = try problem(Self.valid + [("district", "339909"), ("category", "E0999")])
        #expect(error.status == .unprocessableContent)
        #expect(error.code == "unknown_code")
        #expect(error.message.contains("district 339909 is not a district of this city"))
        #expect(error.message.contains("category E0999 is not in this city's catalog"))
    }

    @Test func anUnencodedPlusIsExplained() throws {
        let error = try problem([("from", "2025-03-03T00:00:00 08:00"), ("to", "2025-03-04T00:00:00Z"), ("groupBy", "street")])
        #expect(error.message.contains("send '+' as %2B"))
    }

    @Test func aRepeatedParameterIsRefused() throws {
        let error = try problem(Self.valid + [("groupBy", "street")])
        #expect(error.message.contains("groupBy is given more than once"))
    }
}
