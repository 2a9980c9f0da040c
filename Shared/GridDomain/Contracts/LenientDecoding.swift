import Foundation

/// Decoding helpers for inbound contracts (hotline work orders, sensing alerts): a field that is
/// absent or null decodes to `nil`; a field of the wrong JSON type or form also decodes to `nil` and
/// records a `ContractProblem` with the field's JSON path, so validation can report every problem of a
/// message at once instead of stopping at the first.
extension KeyedDecodingContainer {
    /// Decodes an optional field, recording a problem when it is present but not a `T`.
    func lenient<T: Decodable>(_ type: T.Type, _ key: Key, _ problems: inout [ContractProblem]) -> T? {
        guard isPresent(key) else { return nil }
        do {
            return try decode(T.self, forKey: key)
        } catch let error as DecodingError {
            let code: ContractProblem.Code
            if case .typeMismatch = error { code = .wrongType } else { code = .invalidFormat }
            let path = LifecycleTopicEventV1.path(of: error)
            problems.append(ContractProblem(
                field: path.isEmpty ? jsonPath(key) : path, code: code, message: LifecycleTopicEventV1.describe(error)))
        } catch {
            problems.append(ContractProblem(field: jsonPath(key), code: .invalidFormat, message: "\(error)"))
        }
        return nil
    }

    /// Decodes an optional enumeration field, recording `unknown_value` (with the allowed values) for
    /// a string that is not one of them.
    func lenientEnum<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ key: Key, _ problems: inout [ContractProblem]) -> T?
    where T.RawValue == String {
        guard let text = lenient(String.self, key, &problems) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            problems.append(ContractProblem(field: jsonPath(key), code: .unknownValue, message: "'\(text)' is not one of \(allowed)"))
            return nil
        }
        return value
    }

    /// Decodes an optional RFC 3339 timestamp (with a time zone), recording `invalid_format` otherwise.
    func lenientTimestamp(_ key: Key, _ problems: inout [ContractProblem]) -> Date? {
        guard let text = lenient(String.self, key, &problems) else { return nil }
        guard let date = ContractJSON.parseTimestamp(text) else {
            problems.append(ContractProblem(
                field: jsonPath(key), code: .invalidFormat,
                message: "'\(text)' is not an RFC 3339 timestamp with a time zone, e.g. 2025-03-12T09:15:00+08:00"))
            return nil
        }
        return date
    }

    /// True when the key is present with a non-null value.
    func isPresent(_ key: Key) -> Bool {
        contains(key) && (try? decodeNil(forKey: key)) == false
    }

    /// The JSON path of `key` in this container, e.g. `location.point.latitude`, `attachments[2]`.
    func jsonPath(_ key: Key) -> String {
        ContractPath.text(codingPath + [key])
    }
}

/// JSON paths of coding keys.
enum ContractPath {
    /// `a.b[2].c` for the keys a, b, 2, c.
    static func text(_ keys: [any CodingKey]) -> String {
        var text = ""
        for key in keys {
            if let index = key.intValue {
                text += "[\(index)]"
            } else {
                text += (text.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return text
    }

    /// `prefix.field`, or `field` when `prefix` is empty.
    static func join(_ prefix: String, _ field: String) -> String {
        prefix.isEmpty ? field : prefix + "." + field
    }
}
