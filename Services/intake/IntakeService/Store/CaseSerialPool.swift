/// Hands out the serials of case numbers from the database sequence `case_number_seq` in blocks, so
/// numbering a case usually costs no round trip. The sequence is not transactional: a block taken by
/// a process that stops leaves a gap, never a repeat, and numbers stay unique across replicas.
actor CaseSerialPool {
    /// Serials fetched per round trip. Default 100.
    let blockSize: Int
    private var available: [Int] = []

    /// A pool fetching `blockSize` serials at a time.
    init(blockSize: Int = 100) {
        self.blockSize = max(1, blockSize)
    }

    /// `count` serials, fetching more with `fetch(n)` when the pool runs short.
    func take(_ count: Int, fetch: (Int) async throws -> [Int]) async throws -> [Int] {
        guard count > 0 else { return [] }
        while available.count < count {
            let fetched = try await fetch(max(blockSize, count - available.count))
            available += fetched
        }
        let taken = Array(available.prefix(count))
        available.removeFirst(count)
        return taken
    }
}
