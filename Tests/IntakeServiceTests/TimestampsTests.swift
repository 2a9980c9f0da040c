import Foundation
import GridDomain
import Testing

@testable import IntakeService

@Suite("Event timestamps")
struct TimestampsTests {
    @Test func stableTimesSurviveTheContractRoundTripAndStayClose() {
        let start = (Date().timeIntervalSince1970 * 1000).rounded(.down)
        for offset in 0..<2_000 {
            let date = Date(timeIntervalSince1970: (start + Double(offset)) / 1000 + 0.000_4)
            let stable = Timestamps.stable(date)
            let text = ContractJSON.formatTimestamp(stable)
            #expect(ContractJSON.parseTimestamp(text) == stable)
            #expect(ContractJSON.formatTimestamp(ContractJSON.parseTimestamp(text)!) == text)
            #expect(abs(stable.timeIntervalSince(date)) < 0.033)
        }
    }
}
