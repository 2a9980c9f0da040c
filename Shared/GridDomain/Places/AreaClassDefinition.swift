/// One area class a city uses (e.g. `core` 核心区), as declared in the city's area-class file.
public struct AreaClassDefinition: Sendable, Hashable {
    /// The identifier grids and policies refer to.
    public let code: AreaClass
    /// The Chinese name, e.g. `核心区`.
    public let name: String
    /// A free-text description, if any.
    public let description: String?

    /// Creates a definition.
    public init(code: AreaClass, name: String, description: String? = nil) {
        self.code = code
        self.name = name
        self.description = description
    }
}
