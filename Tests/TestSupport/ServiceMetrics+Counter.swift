import GridRuntime

extension ServiceMetrics {
    /// The value of the counter `name` without labels in the exposition, or 0 when it is absent.
    public func counter(_ name: String) -> Int {
        let line = render().split(separator: "\n").first { $0.hasPrefix(name + " ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }
}
