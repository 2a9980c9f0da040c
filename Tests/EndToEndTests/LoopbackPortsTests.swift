import Testing
import TestSupport

/// The ports tests give their brokers and stacks lie below the kernel's ephemeral range, where no outgoing
/// connection can be holding them.
@Suite("loopback ports for test stacks")
struct LoopbackPortsTests {
    @Test func portsAreDrawnFreeFromTheBandBelowTheEphemeralRange() throws {
        #expect(LoopbackPorts.band.upperBound <= 32_768 && LoopbackPorts.band.lowerBound >= 27_000)
        let ports = try (0..<20).map { _ in try LoopbackPorts.free() }
        #expect(ports.allSatisfy { LoopbackPorts.band.contains($0) && LoopbackPorts.isFree($0) })
        let base = try LoopbackPorts.freeRange(count: 5, excluding: Set(ports))
        let range = base..<(base + 5)
        #expect(range.allSatisfy { LoopbackPorts.band.contains($0) && LoopbackPorts.isFree($0) })
        #expect(Set(ports).isDisjoint(with: range))
    }
}
