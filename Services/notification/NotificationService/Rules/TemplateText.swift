/// A template string with `{{field}}` placeholders, parsed once at start-up.
///
/// Substitution is one pass over the parsed segments: a value that itself contains `{{…}}` is inserted
/// as it is, never expanded. Spaces inside the braces are allowed (`{{ caseNumber }}`). A lone `{` or
/// `}` is ordinary text; `{{` without a closing `}}` or an unknown field name is an error.
public struct TemplateText: Sendable, Hashable {
    enum Segment: Sendable, Hashable {
        case text(String)
        case field(TemplateField)
    }

    let segments: [Segment]

    /// The fields the text uses, in order of first use.
    public var fields: [TemplateField] {
        var seen: Set<TemplateField> = []
        return segments.compactMap { segment in
            guard case .field(let field) = segment, seen.insert(field).inserted else { return nil }
            return field
        }
    }

    /// Parses `source`.
    /// - Throws: ``TemplateSyntaxError`` for an unclosed `{{` or an unknown field.
    public init(_ source: String) throws(TemplateSyntaxError) {
        var segments: [Segment] = []
        var rest = Substring(source)
        while let open = rest.firstRange(of: "{{") {
            if open.lowerBound > rest.startIndex { segments.append(.text(String(rest[..<open.lowerBound]))) }
            let afterOpen = rest[open.upperBound...]
            guard let close = afterOpen.firstRange(of: "}}") else {
                throw TemplateSyntaxError("'{{' without a closing '}}'")
            }
            let name = afterOpen[..<close.lowerBound].trimmingCharacters(in: " ")
            guard let field = TemplateField(rawValue: name) else {
                throw TemplateSyntaxError(
                    "unknown field '{{\(name)}}'; the fields are \(TemplateField.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            segments.append(.field(field))
            rest = afterOpen[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(.text(String(rest))) }
        self.segments = segments
    }

    /// The text with every placeholder replaced by its value (empty when `values` has none).
    public func render(_ values: [TemplateField: String]) -> String {
        var output = ""
        for segment in segments {
            switch segment {
            case .text(let text): output += text
            case .field(let field): output += values[field] ?? ""
            }
        }
        return output
    }
}

/// A template that cannot be parsed.
public struct TemplateSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}

extension Substring {
    /// The text without leading and trailing `character`s.
    func trimmingCharacters(in character: Character) -> String {
        var slice = self
        while slice.first == character { slice.removeFirst() }
        while slice.last == character { slice.removeLast() }
        return String(slice)
    }
}
