import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Free TCP ports on 127.0.0.1 for brokers, clusters and stacks started by tests.
///
/// Ports are drawn at random from ``band``, below the kernel's ephemeral range (Linux: 32768–60999), so an outgoing
/// connection — the suite makes thousands, in parallel — can never be holding the port when the stack binds it (a
/// port the kernel hands out for port 0 lies inside that range, and an end-to-end run once failed so: "Address
/// already in use"). A port is free if it can be bound now; another test drawing the same port at the same moment is
/// the remaining (small) chance, and the stack then fails to start and says which port.
public enum LoopbackPorts {
    /// Where ports are drawn from: 27000 up to the ephemeral range, clear of the fixed ports of `scripts/dev`,
    /// `scripts/load` and the test cluster (25432–25434, 19092, 19192, 8081…, 8181…).
    public static let band: Range<Int> = 27_000..<min(32_768, ephemeralRangeStart)

    /// A free port from ``band``.
    public static func free() throws(LoopbackPortError) -> Int {
        for _ in 0..<500 {
            let port = Int.random(in: band)
            if isFree(port) { return port }
        }
        throw LoopbackPortError("found no free loopback port in \(band.lowerBound)..<\(band.upperBound)")
    }

    /// The first of `count` consecutive free ports in ``band`` (for `GRIDLOOP_HTTP_BASE_PORT`), avoiding `excluded`.
    public static func freeRange(count: Int, excluding excluded: Set<Int> = []) throws(LoopbackPortError) -> Int {
        for _ in 0..<500 {
            let base = Int.random(in: band.lowerBound..<(band.upperBound - count))
            let range = base..<(base + count)
            guard excluded.isDisjoint(with: range) else { continue }
            if range.allSatisfy(isFree) { return base }
        }
        throw LoopbackPortError("found no \(count) consecutive free loopback ports in \(band.lowerBound)..<\(band.upperBound)")
    }

    /// The first port of the kernel's ephemeral range (`/proc/sys/net/ipv4/ip_local_port_range`), or 32768 when it is
    /// unknown or starts too low to leave a band below it.
    static var ephemeralRangeStart: Int {
        let text = (try? String(contentsOfFile: "/proc/sys/net/ipv4/ip_local_port_range", encoding: .utf8)) ?? ""
        guard let low = text.split(whereSeparator: \.isWhitespace).first.flatMap({ Int($0) }), low > 28_000 else { return 32_768 }
        return low
    }

    /// Whether 127.0.0.1:`port` can be bound now.
    public static func isFree(_ port: Int) -> Bool {
        let socketFD = socket(AF_INET, streamSocketType, 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var address = loopbackAddress(port: port)
        return bind(socketFD, &address) == 0
    }

    /// Whether something accepts TCP connections on 127.0.0.1:`port` now.
    public static func acceptsConnections(_ port: Int) -> Bool {
        let socketFD = socket(AF_INET, streamSocketType, 0)
        guard socketFD >= 0 else { return false }
        defer { close(socketFD) }
        var address = loopbackAddress(port: port)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        return connected == 0
    }

    private static func bind(_ socketFD: Int32, _ address: inout sockaddr_in) -> Int32 {
        withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                #if canImport(Glibc)
                Glibc.bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #else
                Darwin.bind(socketFD, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                #endif
            }
        }
    }

    private static func loopbackAddress(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        return address
    }
}

#if canImport(Glibc)
private let streamSocketType = Int32(SOCK_STREAM.rawValue)
#else
private let streamSocketType = SOCK_STREAM
#endif

/// No free loopback port could be had (a socket call failed).
public struct LoopbackPortError: Error, CustomStringConvertible {
    /// What failed.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
