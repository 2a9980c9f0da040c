#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import GridDomain

/// A tiny hand-made city for precise tests: two districts, three streets, four communities with two
/// square grids each, laid out west to east along 30.000–30.001 N from 120.000 E.
///
/// | community      | grids (x from 120.000 E, 0.001° each) | area class |
/// |----------------|---------------------------------------|------------|
/// | 339901001001   | 001: 0–1, 002: 1–2                    | core       |
/// | 339901001002   | 001: 2–3, 002: 3–4                    | busy       |
/// | 339901002001   | 001: 4–5, 002: 5–6                    | general    |
/// | 339902001001   | 001: 6–7, 002: 7–8                    | general    |
enum TinyCity {
    static let areaClassesCSV = """
        code,name,description
        core,核心区,
        busy,繁华区,
        general,一般区,
        """

    static let placesCSV = """
        code,level,name,parent
        339900,city,临江市,
        339901,district,江滨区,339900
        339902,district,城南区,339900
        339901001,street,望江街道,339901
        339901002,street,清泰街道,339901
        339902001,street,湖滨镇,339902
        339901001001,community,东园社区,339901001
        339901001002,community,西园社区,339901001
        339901002001,community,南苑社区,339901002
        339902001001,community,北岸村,339902001
        """

    static let communities = ["339901001001", "339901001002", "339901002001", "339902001001"]
    static let areaClasses = ["core", "busy", "general", "general"]

    /// A square polygon feature from `x` to `x + 1` thousandths of a degree.
    static func square(_ code: String, x: Int, areaClass: String, y: Int = 0) -> String {
        let x0 = 120 + Double(x) / 1000, x1 = 120 + Double(x + 1) / 1000
        let y0 = 30 + Double(y) / 1000, y1 = 30 + Double(y + 1) / 1000
        return """
            {"type":"Feature","properties":{"code":"\(code)","area_class":"\(areaClass)"},\
            "geometry":{"type":"Polygon","coordinates":[[[\(x0),\(y0)],[\(x1),\(y0)],[\(x1),\(y1)],[\(x0),\(y1)],[\(x0),\(y0)]]]}}
            """
    }

    static func collection(_ features: [String]) -> String {
        "{\"type\":\"FeatureCollection\",\"features\":[\n" + features.joined(separator: ",\n") + "\n]}"
    }

    static var gridsGeoJSON: String {
        var features: [String] = []
        for (index, community) in communities.enumerated() {
            features.append(square(community + "001", x: 2 * index, areaClass: areaClasses[index]))
            features.append(square(community + "002", x: 2 * index + 1, areaClass: areaClasses[index]))
        }
        return collection(features)
    }

    static let catalogCSV = """
        code,name,filing_standard,closing_standard,urgency,verify_public_reports
        C01,公用设施,,,,
        C0101,上水井盖,井盖丢失或破损,井盖补齐,urgent,yes
        E01,市容环境,,,,
        E0102,暴露垃圾,暴露垃圾超过0.5平方米,垃圾清除,normal,no
        E0104,道路不洁,道路明显不洁,路面干净,normal,no
        G01,矛盾纠纷,,,,
        G0101,邻里纠纷,邻里纠纷需要调解,调解完成,,
        """

    static let unitsCSV = """
        id,name,level,place,kind
        C-WATER,临江市自来水公司,city,339900,供水
        D1-ENF,江滨区综合行政执法局,district,339901,城管执法
        D2-ENF,城南区综合行政执法局,district,339902,城管执法
        D1-SAN,江滨区环卫中心,district,339901,环卫
        S1-SAN,望江街道环卫所,street,339901001,环卫
        S2-SAN,清泰街道环卫所,street,339901002,环卫
        S3-SAN,湖滨镇环卫所,street,339902001,环卫
        S1-ENF,望江街道执法队,street,339901001,城管执法
        M1,东园社区居委会,community,339901001001,社区
        M2,西园社区居委会,community,339901001002,社区
        M3,南苑社区居委会,community,339901002001,社区
        M4,北岸村村委会,community,339902001001,社区
        """

    static func places() throws -> PlaceHierarchy {
        try PlaceHierarchy(areaClassesCSV: areaClassesCSV, placesCSV: placesCSV, gridsGeoJSON: gridsGeoJSON)
    }

    static func catalog() throws -> CategoryCatalog { try CategoryCatalog(csv: catalogCSV) }

    static func units(_ places: PlaceHierarchy) throws -> UnitRegistry { try UnitRegistry(csv: unitsCSV, places: places) }

    /// The city's data with a 权责清单 given as CSV rows (the header is added).
    static func list(_ rows: [String], version: String = "test") throws -> (ResponsibilityList, ResponsibilityResolver) {
        let places = try places()
        let catalog = try catalog()
        let units = try units(places)
        let text = ([ResponsibilityList.csvColumns.joined(separator: ",")] + rows).joined(separator: "\n")
        let list = try ResponsibilityList(csv: text, version: version, catalog: catalog, places: places, units: units)
        return (list, try ResponsibilityResolver(list: list, catalog: catalog, places: places, units: units))
    }

    /// A rule row: only the usual columns, the rest empty.
    static func rule(
        _ id: String, _ category: String, _ place: String, lead: String, tier: String = "street", window: String = "",
        attributes: String = "", coUnits: String = "", escalation: String = "", priority: String = "",
        from: String = "", to: String = ""
    ) -> String {
        [id, category, place, window, attributes, lead, coUnits, tier, escalation, priority, from, to, ""].joined(separator: ",")
    }

    static func grid(_ text: String) -> PlaceCode { try! PlaceCode(text, level: .grid) }
    static func category(_ text: String) -> CategoryCode { try! CategoryCode(text) }

    /// An instant given as local time in UTC+8.
    static func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int = 0) -> Date {
        let days = EffectiveDate(year: year, month: month, day: day)!.dayNumber
        return Date(timeIntervalSince1970: TimeInterval(days * 86_400 + hour * 3600 + minute * 60 - 8 * 3600))
    }
}
