import GridDomain
import GridRuntime

/// A report that cannot be placed in the city: its point lies outside every unit grid, or its place
/// code names no place of the city. Answered with HTTP 422; a hotline order or alert with this
/// problem is dead-lettered with the message as reason.
public struct LocationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong. Extensible: new codes are not a breaking change.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The point lies outside every unit grid of the city.
        public static let outsideCity = Code("location_outside_city")
        /// The place code is not a place of the city.
        public static let unknownPlace = Code("unknown_place")

        /// The code as answered to clients (`location_outside_city`).
        public var description: String { name }
    }

    /// What is wrong.
    public let code: Code
    /// The explanation for the reporter or the sending system.
    public let message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    /// `location_outside_city: the point 121.5,31.2 lies outside every unit grid of the city`.
    public var description: String { "\(code): \(message)" }

    static func outside(_ point: CaseLocation.Point, city: Place) -> LocationError {
        LocationError(
            code: .outsideCity,
            message: "the point \(point) (longitude, latitude) lies outside every unit grid of \(city.name) (\(city.code.digits))")
    }

    static func unknown(_ place: PlaceCode, city: Place) -> LocationError {
        LocationError(code: .unknownPlace, message: "place code \(place.digits) is not a place of \(city.name) (\(city.code.digits))")
    }
}

extension LocationError: APIErrorConvertible {
    /// 422 with the code (`location_outside_city`, `unknown_place`).
    public var apiError: APIError { .unprocessable(message, code: code.description) }
}
