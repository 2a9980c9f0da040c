/// `GET /v1/tasks`: a page of a unit's tasks.
public struct TaskListView: Sendable, Hashable, Codable {
    /// The tasks, oldest dispatch first.
    public var tasks: [TaskView]
    /// The page size asked for.
    public var limit: Int
    /// The offset asked for.
    public var offset: Int

    private enum CodingKeys: String, CodingKey { case tasks, limit, offset }
}
