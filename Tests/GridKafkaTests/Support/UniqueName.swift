import Foundation

/// A name no other test uses, e.g. `roundtrip-3F2A9C1B`.
func uniqueName(_ prefix: String) -> String {
    "\(prefix)-\(UUID().uuidString.prefix(8))"
}
