/// A grid's area class (管理等级 / 区域类别), e.g. K City's 核心区 / 繁华区 / 一般区.
///
/// The set of classes is city configuration (loaded with the places), so this is an open string
/// identifier such as `"core"`, `"busy"`, `"general"`; deadline policies are keyed by it.
public struct AreaClass: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
    public static func < (lhs: AreaClass, rhs: AreaClass) -> Bool { lhs.rawValue < rhs.rawValue }
}
