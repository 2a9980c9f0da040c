extension PlaceHierarchy {
    /// Checks that the grids tile the city: no two grids overlap, no area enclosed by grids is left
    /// uncovered, every district, street and community is one piece with no enclaves, and every place
    /// has grids.
    ///
    /// Exact: it works on the 1e-7 degree lattice of `GeoPosition` with integer arithmetic. Shared
    /// borders are matched edge by edge after splitting edges at any vertex lying on them, so
    /// T-junctions are fine; a shared edge must run in opposite directions in the two grids, edges that
    /// cross or run the same way mean an overlap, as does a grid vertex or edge midpoint strictly
    /// inside another grid. The boundary of each place is traced from the edges not shared within it:
    /// counter-clockwise loops are pieces, clockwise loops holes. (Places holding overlapping grids get
    /// no outline checks until the overlap is fixed.)
    public func checkTiling() -> TilingReport {
        var analysis = TilingAnalysis(places: self)
        return TilingReport(issues: analysis.run(), gridCount: grids.count)
    }
}
