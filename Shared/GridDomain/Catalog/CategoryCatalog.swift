/// The city's catalog of 部件, 事件 and social-governance categories: 大类 and their 小类.
public struct CategoryCatalog: Sendable {
    /// Every definition, 大类 and 小类, ordered by code (each 大类 before its 小类).
    public let definitions: [CategoryDefinition]
    private let byCode: [CategoryCode: CategoryDefinition]
    private let minorsByMajor: [CategoryCode: [CategoryCode]]

    /// Builds a catalog; throws when a code appears twice or a 小类's 大类 is missing.
    public init(_ definitions: [CategoryDefinition]) throws(CatalogError) {
        var byCode: [CategoryCode: CategoryDefinition] = [:]
        var minors: [CategoryCode: [CategoryCode]] = [:]
        for definition in definitions {
            guard byCode.updateValue(definition, forKey: definition.code) == nil else {
                throw CatalogError(code: definition.code, reason: "the code appears twice")
            }
            if definition.code.isMinorClass { minors[definition.code.majorClass, default: []].append(definition.code) }
        }
        for minor in minors.values.joined() where byCode[minor.majorClass] == nil {
            throw CatalogError(code: minor, reason: "its 大类 \(minor.majorClass) is not in the catalog")
        }
        for key in minors.keys { minors[key]!.sort() }
        self.definitions = definitions.sorted { $0.code < $1.code }
        self.byCode = byCode
        self.minorsByMajor = minors
    }

    /// The definition of `code`, or `nil` when the catalog has no such category.
    public func definition(_ code: CategoryCode) -> CategoryDefinition? { byCode[code] }

    /// True when the catalog has `code`.
    public func contains(_ code: CategoryCode) -> Bool { byCode[code] != nil }

    /// All 大类, ordered by code.
    public var majorClasses: [CategoryCode] { definitions.lazy.filter { !$0.code.isMinorClass }.map(\.code) }

    /// All 小类, ordered by code.
    public var minorClasses: [CategoryCode] { definitions.lazy.filter(\.code.isMinorClass).map(\.code) }

    /// The 小类 of a 大类 (empty for an unknown code or a 小类), ordered by code.
    public func minorClasses(of major: CategoryCode) -> [CategoryCode] { minorsByMajor[major] ?? [] }

    /// The 小类 a category code covers: itself for a 小类, its 小类 for a 大类.
    public func minorClasses(covering code: CategoryCode) -> [CategoryCode] {
        code.isMinorClass ? (contains(code) ? [code] : []) : minorClasses(of: code)
    }
}

/// A catalog that is inconsistent as a whole (a code given twice, a 小类 without its 大类).
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The category concerned.
    public let code: CategoryCode
    /// What is wrong.
    public let reason: String

    /// Creates an error.
    public init(code: CategoryCode, reason: String) {
        self.code = code
        self.reason = reason
    }

    /// A readable form for messages and logs.
    public var description: String { "category \(code): \(reason)" }
}
