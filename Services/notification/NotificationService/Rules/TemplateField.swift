/// The fields a notification template may use as `{{field}}`. Values are plain text; a field with no
/// value for an event renders as the empty string. Free-text values (explanations) are masked with
/// `Masking.freeText`; no field carries a clear name or phone number.
public enum TemplateField: String, Sendable, Hashable, CaseIterable {
    /// The platform's name from `settings.csv` (`platform_name`).
    case platformName
    /// The case id (lower-case UUID).
    case caseId
    /// The human case number.
    case caseNumber
    /// The category code (`E0102`), empty when the case has none yet.
    case categoryCode
    /// The category's name from the catalog (`暴露垃圾`); `未分类` when the case has no category.
    case categoryName
    /// The urgency in Chinese (`一般`, `紧急`, `特急`).
    case urgency
    /// The reporting channel in Chinese (`12345热线`, `市民随手拍`…).
    case channel
    /// The case's state after the event, in Chinese (`已派遣`).
    case state
    /// The place names from the district down to the community (`江滨区五港镇春桥村`); `未定位` when unknown.
    case placeName
    /// The district's name.
    case districtName
    /// The street's or town's name.
    case streetName
    /// The community's or village's name.
    case communityName
    /// The 15-digit unit-grid code.
    case grid
    /// The lead unit's name (or id when the city has no such unit); `未指定` before dispatch.
    case leadUnitName
    /// The co-units' names, joined with `、`; `无` when there are none.
    case coUnitNames
    /// The recipient's name (unit, centre or desk name; `报告人` for reporters).
    case recipientName
    /// When the event happened, local time (`2025-03-12 09:15`).
    case occurredAt
    /// A card's stage in Chinese (`处置`).
    case stageName
    /// A card's due time, local time.
    case dueAt
    /// A card's name: `黄牌` or `红牌`.
    case cardName
    /// A card's escalation target: a unit's name or a level's command centre (`江滨区指挥中心`).
    case escalationName
    /// Why manual dispatch is required, in Chinese (`无责任单位`).
    case reason
    /// The 权责清单 resolver's explanation for manual dispatch, masked.
    case explanation
    /// The candidate units of a manual-dispatch notice, by name, joined with `、`; `无` when there are none.
    case candidateNames
    /// The reporter's masked phone (`138****5678`), `（保密）` for a confidential reporter, else empty.
    case reporterPhone
    /// The sending system's reference (the 12345 work-order number).
    case externalReference
    /// The call-back satisfaction in Chinese, when recorded.
    case satisfaction
}
