import Foundation

/// Any JSON value, decoded strictly (a boolean is never a number and the other way round).
enum JSONValue: Decodable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    static func parse(_ data: Data) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: data) }

    var object: [String: JSONValue]? { if case .object(let value) = self { value } else { nil } }
    var string: String? { if case .string(let value) = self { value } else { nil } }
    var array: [JSONValue]? { if case .array(let value) = self { value } else { nil } }
    var number: Double? { if case .number(let value) = self { value } else { nil } }
}

/// A small structural JSON Schema check, enough to keep `docs/contracts/*.schema.json` and the Swift
/// contract types from drifting apart: `$ref` (local), `type`, `const`, `enum`, `pattern`, lengths,
/// `minimum`/`maximum`, `required`, `properties` (an undeclared key is a failure: every key a GridLoop
/// producer writes must be documented), `items`, `oneOf` and `anyOf`. It also records which declared
/// properties the checked values used, so a test can find properties no value ever has.
struct ContractSchemaChecker {
    let document: [String: JSONValue]
    private(set) var failures: [String] = []
    private(set) var seen: Set<String> = []

    init(schemaFile: URL) throws {
        document = try JSONValue.parse(Data(contentsOf: schemaFile)).object ?? [:]
    }

    /// Checks a value against the whole document.
    mutating func check(_ value: JSONValue, label: String) {
        check(value, against: document, node: "root", path: label)
    }

    /// Every property the document declares, as `node/property` in the naming `seen` uses.
    var declaredProperties: Set<String> {
        var found = Set<String>()
        collect(document, node: "root", into: &found)
        for (name, definition) in document["$defs"]?.object ?? [:] {
            collect(definition.object ?? [:], node: name, into: &found)
        }
        return found
    }

    /// The `enum` values of a definition, or of a property of it (`caseState`, `snapshot.state`).
    func enumValues(of definition: String) -> [String]? {
        document["$defs"]?.object?[definition]?.object?["enum"]?.array?.compactMap(\.string)
    }

    /// The `const` of the `key` property in every `oneOf` branch of a definition (resolving `$ref`s).
    func discriminators(of definition: String, key: String) -> [String] {
        let branches = document["$defs"]?.object?[definition]?.object?["oneOf"]?.array ?? []
        return branches.compactMap { branch in
            resolve(branch.object ?? [:]).schema["properties"]?.object?[key]?.object?["const"]?.string
        }
    }

    private func resolve(_ schema: [String: JSONValue]) -> (schema: [String: JSONValue], name: String?) {
        guard let reference = schema["$ref"]?.string, reference.hasPrefix("#/$defs/") else { return (schema, nil) }
        let name = String(reference.dropFirst("#/$defs/".count))
        return (document["$defs"]?.object?[name]?.object ?? [:], name)
    }

    private mutating func fail(_ path: String, _ message: String) {
        failures.append("\(path): \(message)")
    }

    private mutating func check(_ value: JSONValue, against schema: [String: JSONValue], node: String, path: String) {
        let (schema, name) = resolve(schema)
        let node = name ?? node
        if let type = schema["type"]?.string, !Self.matches(value, type: type) {
            return fail(path, "expected \(type), got \(value)")
        }
        if let constant = schema["const"], constant != value { fail(path, "expected \(constant), got \(value)") }
        if let values = schema["enum"]?.array, !values.contains(value) { fail(path, "\(value) is not in the enum") }
        if case .string(let text) = value { checkString(text, schema, path) }
        if case .number(let number) = value {
            if let minimum = schema["minimum"]?.number, number < minimum { fail(path, "\(number) < \(minimum)") }
            if let maximum = schema["maximum"]?.number, number > maximum { fail(path, "\(number) > \(maximum)") }
        }
        if let branches = schema["oneOf"]?.array {
            let matching = branches.indices.filter { dryRun(value, branches[$0].object ?? [:]) }
            guard matching.count == 1 else { return fail(path, "matches \(matching.count) oneOf branches, not 1") }
            check(value, against: branches[matching[0]].object ?? [:], node: "\(node)|\(matching[0])", path: path)
        }
        if let branches = schema["anyOf"]?.array, !branches.contains(where: { dryRun(value, $0.object ?? [:]) }) {
            fail(path, "matches no anyOf branch")
        }
        if case .object(let members) = value { checkObject(members, schema, node, path) }
        if case .array(let items) = value, let itemSchema = schema["items"]?.object {
            if let most = schema["maxItems"]?.number, Double(items.count) > most { fail(path, "more than \(most) items") }
            if let least = schema["minItems"]?.number, Double(items.count) < least { fail(path, "fewer than \(least) items") }
            for (index, item) in items.enumerated() {
                check(item, against: itemSchema, node: node + "[]", path: "\(path)[\(index)]")
            }
        }
    }

    private mutating func checkObject(_ members: [String: JSONValue], _ schema: [String: JSONValue], _ node: String, _ path: String) {
        for required in schema["required"]?.array?.compactMap(\.string) ?? [] where members[required] == nil {
            fail(path, "required '\(required)' is missing")
        }
        guard let properties = schema["properties"]?.object else { return }
        for (key, member) in members.sorted(by: { $0.key < $1.key }) {
            guard let propertySchema = properties[key]?.object else {
                fail(path, "'\(key)' is not declared in the schema")
                continue
            }
            seen.insert("\(node)/\(key)")
            check(member, against: propertySchema, node: "\(node).\(key)", path: "\(path).\(key)")
        }
    }

    private mutating func checkString(_ text: String, _ schema: [String: JSONValue], _ path: String) {
        let length = Double(text.unicodeScalars.count)
        if let least = schema["minLength"]?.number, length < least { fail(path, "shorter than \(least)") }
        if let most = schema["maxLength"]?.number, length > most { fail(path, "longer than \(most)") }
        if let pattern = schema["pattern"]?.string {
            let expression = try! NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if expression.firstMatch(in: text, range: range) == nil { fail(path, "'\(text)' does not match \(pattern)") }
        }
    }

    private func dryRun(_ value: JSONValue, _ schema: [String: JSONValue]) -> Bool {
        var probe = self
        probe.failures = []
        probe.check(value, against: schema, node: "probe", path: "")
        return probe.failures.isEmpty
    }

    private func collect(_ schema: [String: JSONValue], node: String, into found: inout Set<String>) {
        if schema["$ref"] != nil { return }  // collected under the definition's own name
        for (key, property) in schema["properties"]?.object ?? [:] {
            found.insert("\(node)/\(key)")
            collect(property.object ?? [:], node: "\(node).\(key)", into: &found)
        }
        if let items = schema["items"]?.object { collect(items, node: node + "[]", into: &found) }
        for (index, branch) in (schema["oneOf"]?.array ?? []).enumerated() {
            collect(branch.object ?? [:], node: "\(node)|\(index)", into: &found)
        }
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("number", .number):
            true
        case ("integer", .number(let number)): number.rounded() == number
        default: false
        }
    }
}
