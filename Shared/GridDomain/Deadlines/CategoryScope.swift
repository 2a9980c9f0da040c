/// Which categories a deadline rule applies to, from the most general to the most specific:
/// all categories (`*`), a kind (`C` 部件, `E` 事件, `G` 全科网格), a 大类 (`E01`) or a 小类 (`E0102`).
public enum CategoryScope: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Every category (`*`).
    case all
    /// Every category of a kind (`C`, `E` or `G`).
    case kind(CategoryKind)
    /// A 大类 and all its 小类 (`E01`).
    case majorClass(CategoryCode)
    /// One 小类 (`E0102`).
    case minorClass(CategoryCode)

    /// Reads the text form: `*`, a kind letter, or a category code.
    public init(_ text: String) throws(DomainCodeError) {
        if text == "*" {
            self = .all
        } else if text.count == 1, let kind = CategoryKind(rawValue: text) {
            self = .kind(kind)
        } else {
            let code = try CategoryCode(text)
            self = code.isMinorClass ? .minorClass(code) : .majorClass(code)
        }
    }

    /// How specific the scope is: 0 for all, 1 for a kind, 2 for a 大类, 3 for a 小类.
    public var specificity: Int {
        switch self {
        case .all: 0
        case .kind: 1
        case .majorClass: 2
        case .minorClass: 3
        }
    }

    /// True when a case of `category` falls in the scope (a case without a category only in `.all`).
    public func contains(_ category: CategoryCode?) -> Bool {
        switch self {
        case .all: true
        case .kind(let kind): category?.kind == kind
        case .majorClass(let code): category?.majorClass == code
        case .minorClass(let code): category == code
        }
    }

    /// The scopes a category falls in, most specific first.
    public static func scopes(containing category: CategoryCode?) -> [CategoryScope] {
        guard let category else { return [.all] }
        var scopes: [CategoryScope] = []
        if category.isMinorClass { scopes.append(.minorClass(category)) }
        scopes.append(contentsOf: [.majorClass(category.majorClass), .kind(category.kind), .all])
        return scopes
    }

    /// `*`, `E`, `E01`, `E0102`.
    public var description: String {
        switch self {
        case .all: "*"
        case .kind(let kind): kind.rawValue
        case .majorClass(let code), .minorClass(let code): code.description
        }
    }

    /// Orders by specificity, then text.
    public static func < (lhs: CategoryScope, rhs: CategoryScope) -> Bool {
        (lhs.specificity, lhs.description) < (rhs.specificity, rhs.description)
    }
}
