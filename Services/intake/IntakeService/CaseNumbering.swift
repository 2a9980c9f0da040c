import Foundation
import GridDomain

/// Human-readable case numbers: `<district>-<yyyyMMdd>-<seq>`, e.g. `339901-20250312-000123`: the
/// 6-digit district of the case's placement (the city's code when the case could not be placed), the
/// local date the case was opened in the city's time zone, and a serial from the database sequence
/// `case_number_seq` (zero-padded to at least 6 digits). The serial makes the number unique; the
/// prefix tells an operator at a glance where and when.
struct CaseNumbering: Sendable {
    /// The city's time zone.
    let timeZone: TimeZone
    /// The city's 6-digit code, for cases without a district.
    let cityCode: String

    /// The number of a case opened at `openedAt`, placed at `placement`, with serial `serial`.
    func number(placement: CasePlacementV1, openedAt: Date, serial: Int) -> CaseNumber {
        let district = placement.district?.digits ?? cityCode
        let digits = String(serial)
        let padded = String(repeating: "0", count: max(0, 6 - digits.count)) + digits
        // 6 + 1 + 8 + 1 + at most 19 digits: always within CaseNumber's 40 characters and alphabet.
        return try! CaseNumber("\(district)-\(localDate(openedAt))-\(padded)")
    }

    /// `yyyyMMdd` of `date` in the city's time zone.
    func localDate(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d%02d%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
