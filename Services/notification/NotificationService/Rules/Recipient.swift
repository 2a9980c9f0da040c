public import GridDomain

/// The addressee of a notification. Its text form (``text``) is what `contacts.csv`, the `deliveries`
/// table and the HTTP API use:
///
/// | recipient | text |
/// |---|---|
/// | a disposal unit | `unit:D339901-SANITATION` |
/// | the command centre (指挥中心) of a place | `centre:339901` |
/// | the dispatchers' desk (派遣席) of a place | `dispatch_desk:339901` |
/// | the reporter of a case from a channel | `reporter:12345`, `reporter:citizen_app` |
public enum Recipient: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// A disposal unit.
    case unit(UnitID)
    /// The command centre of a city, district, street or community.
    case centre(PlaceCode)
    /// The dispatchers' desk of a city, district or street.
    case dispatchDesk(PlaceCode)
    /// The reporter of a case, reached through the channel's own system.
    case reporter(CaseChannel)

    /// The text form, e.g. `unit:D339901-SANITATION`.
    public var text: String {
        switch self {
        case .unit(let unit): "unit:\(unit.rawValue)"
        case .centre(let place): "centre:\(place.digits)"
        case .dispatchDesk(let place): "dispatch_desk:\(place.digits)"
        case .reporter(let channel): "reporter:\(channel.rawValue)"
        }
    }

    /// The text form.
    public var description: String { text }

    /// Orders by text form.
    public static func < (lhs: Recipient, rhs: Recipient) -> Bool { lhs.text < rhs.text }

    /// The prefixes of the text form, for messages.
    static let forms = "unit:<unit id>, centre:<place code>, dispatch_desk:<place code> or reporter:<channel>"

    /// Parses the text form. Place codes are checked against `places` (a 6-digit code is the city
    /// when it is the city's code, otherwise a district).
    /// - Throws: A message saying what is wrong.
    public init(parsing text: String, places: PlaceHierarchy) throws(RecipientParseError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw RecipientParseError("'\(text)' is not a recipient; use \(Self.forms)")
        }
        let kind = String(text[..<colon])
        let value = String(text[text.index(after: colon)...])
        guard !value.isEmpty else { throw RecipientParseError("'\(text)' names no \(kind)") }
        func place() throws(RecipientParseError) -> PlaceCode {
            let code: PlaceCode?
            do { code = try places.code(parsing: value) } catch { throw RecipientParseError("'\(text)': \(error)") }
            guard let code else { throw RecipientParseError("'\(text)': the city has no place \(value)") }
            guard code.level != .grid else {
                throw RecipientParseError("'\(text)': \(value) is a unit grid; centres and desks serve a community or above")
            }
            return code
        }
        switch kind {
        case "unit": self = .unit(UnitID(value))
        case "centre": self = .centre(try place())
        case "dispatch_desk": self = .dispatchDesk(try place())
        case "reporter":
            guard let channel = CaseChannel(rawValue: value) else {
                throw RecipientParseError(
                    "'\(text)': unknown channel '\(value)'; use one of \(CaseChannel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self = .reporter(channel)
        default:
            throw RecipientParseError("'\(text)' is not a recipient; use \(Self.forms)")
        }
    }
}

/// Why a recipient's text form could not be read.
public struct RecipientParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    /// Creates an error.
    public init(_ message: String) { self.message = message }
    /// The message.
    public var description: String { message }
}
