/// How an indicator report groups cases.
public enum IndicatorGrouping: String, Sendable, Hashable, CaseIterable {
    /// By department (部门): the lead unit of the case's first disposal, or its current lead unit
    /// (`CaseFact.department`); cards by the lead unit they were issued under.
    case department
    /// By district (区/县) of the case's placement.
    case district
    /// By street or town (街道/乡镇) of the case's placement.
    case street
}
