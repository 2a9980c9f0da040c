#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Free TCP ports on 127.0.0.1 for brokers, clusters and stacks started by tests.
///
/// A port is free if it can be bound now; another process may still take it before the stack does (the stack then
/// fails to start and says which port).
public enum LoopbackPorts {
    /// A port the kernel just handed out for 127.0.0.1 (bound to port 0, read back, released).
    public static func free() throws(LoopbackPortError) -> Int {
        let socketFD = socket(AF_INET, streamSocketType, 0)
        guard socketFD >= 0 else { throw LoopbackPortError("socket() failed: errno \(errno)") }
        defer { close(socketFD) }
        var address = loopbackAddress(port: 0)
        guard bind(socketFD, &address) == 0 else { throw LoopbackPortError("bind(127.0.0.1:0) failed: errno \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socketFD, $0, &length) }
        }
        guard named == 0 else { throw LoopbackPortError("getsockname failed: errno \(errno)") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The first of `count` consecutive free ports (for `GRIDLOOP_HTTP_BASE_PORT`), avoiding `excluded`.
    public static func freeRange(count: Int, excluding excluded: Set<Int> = []) throws(LoopbackPortError) -> Int {
        for _ in 0..<100 {
            let base = try free()
            let range = base..<(base + count)
            guard range.upperBound <= 65_535, excluded.isDisjoint(with: range) else { continue }
            if range.allSatisfy(isFree) { return base }
        }
        throw LoopbackPortError("found no \(count) consecutive free loopback ports")
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
