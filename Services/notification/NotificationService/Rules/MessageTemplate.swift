/// One notification template from the city's `templates.csv`: a title and a body in zh-CN.
public struct MessageTemplate: Sendable, Hashable {
    /// The template's name, referred to by `routes.csv` (`dispatched-lead`).
    public let name: String
    /// The title (短信/推送标题).
    public let title: TemplateText
    /// The body.
    public let body: TemplateText

    /// Creates a template.
    public init(name: String, title: TemplateText, body: TemplateText) {
        self.name = name
        self.title = title
        self.body = body
    }

    /// Renders title and body with `values`.
    public func render(_ values: [TemplateField: String]) -> (title: String, body: String) {
        (title.render(values), body.render(values))
    }
}
