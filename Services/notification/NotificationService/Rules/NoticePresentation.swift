#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
public import GridDomain

/// City-wide presentation settings of notifications, from the optional `settings.csv`
/// (columns `key,value`): `time_zone` (an IANA zone, default `Asia/Shanghai`) for the times in
/// messages, and `platform_name` (default `城市运行管理服务平台`) for the `{{platformName}}` field.
public struct NoticePresentation: Sendable, Hashable {
    /// The zone of the local times in messages.
    public let timeZone: TimeZone
    /// The platform's name.
    public let platformName: String

    /// The defaults: `Asia/Shanghai`, `城市运行管理服务平台`.
    public static let defaultTimeZoneIdentifier = "Asia/Shanghai"
    /// The default platform name.
    public static let defaultPlatformName = "城市运行管理服务平台"

    /// Creates settings.
    public init(timeZone: TimeZone, platformName: String) {
        self.timeZone = timeZone
        self.platformName = platformName
    }

    /// Reads `settings.csv`; `nil` text means the file is absent (every default applies).
    public init(csv text: String?, file: String) throws(DataFileError) {
        var zone = Self.defaultTimeZoneIdentifier
        var platformName = Self.defaultPlatformName
        if let text {
            let table = try CSVTable(text: text, file: file, requiredColumns: ["key", "value"])
            for row in table.rows {
                let key = try row.required("key")
                let value = try row.required("value")
                switch key {
                case "time_zone": zone = value
                case "platform_name": platformName = value
                default: throw row.error("unknown key '\(key)'; use time_zone or platform_name")
                }
            }
        }
        guard let timeZone = TimeZone(identifier: zone) else {
            throw DataFileError(file: file, line: nil, message: "unknown time zone '\(zone)'")
        }
        self.init(timeZone: timeZone, platformName: platformName)
    }

    /// `yyyy-MM-dd HH:mm` in ``timeZone``.
    public func localTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String {
            let value = value ?? 0
            return value < 10 ? "0\(value)" : "\(value)"
        }
        return "\(parts.year ?? 0)-\(two(parts.month))-\(two(parts.day)) \(two(parts.hour)):\(two(parts.minute))"
    }
}
