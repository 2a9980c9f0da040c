/// How a problem reached the platform (信息来源/上报渠道).
///
/// The channel decides part of the loop: by default public and hotline reports are verified on site
/// before filing, and hotline cases are called back before closing (see `CaseLifecycle.Configuration`).
public enum CaseChannel: String, Sendable, Hashable, Codable, CaseIterable {
    /// 监督员上报: a field supervisor's report from the collection app.
    case supervisor
    /// 网格员上报: a grid worker's report (全科网格).
    case gridWorker = "grid_worker"
    /// 市民随手拍: a citizen's report through the app or mini-program.
    case citizenApp = "citizen_app"
    /// 12345 government service hotline work order.
    case hotline12345 = "12345"
    /// 12319 urban-construction hotline work order.
    case hotline12319 = "12319"
    /// An Open311 GeoReport v2 `POST requests` from a third-party client.
    case open311
    /// 智能感知: video analytics or an IoT sensor.
    case sensing
    /// 上级交办: a referral from a higher level or another agency.
    case referral

    /// The Chinese name used in notices and reports.
    public var chineseName: String {
        switch self {
        case .supervisor: "监督员上报"
        case .gridWorker: "网格员上报"
        case .citizenApp: "市民随手拍"
        case .hotline12345: "12345热线"
        case .hotline12319: "12319热线"
        case .open311: "Open311接口"
        case .sensing: "智能感知"
        case .referral: "上级交办"
        }
    }

    /// True for the hotlines (12345, 12319), whose work orders carry a caller to call back.
    public var isHotline: Bool { self == .hotline12345 || self == .hotline12319 }
}
