import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where log lines go. Each line is written whole (one `write(2)` under a lock), so lines from
/// concurrent tasks never interleave.
public struct LogOutput: Sendable {
    /// Writes one complete line (without the trailing newline).
    public let write: @Sendable (String) -> Void

    /// Creates an output from a closure (tests capture lines this way).
    public init(write: @escaping @Sendable (String) -> Void) {
        self.write = write
    }

    /// Standard output, one line per record.
    public static let standardOutput = LogOutput { line in StandardOutputWriter.shared.write(line) }
}

/// Serialises writes to file descriptor 1.
private final class StandardOutputWriter: Sendable {
    static let shared = StandardOutputWriter()
    private let lock = Mutex(())

    func write(_ line: String) {
        var bytes = Array(line.utf8)
        bytes.append(0x0A)
        lock.withLock { _ in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = systemWrite(1, buffer.baseAddress! + offset, buffer.count - offset)
                    if written <= 0 { return }
                    offset += written
                }
            }
        }
    }
}

private func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, pointer, count)
    #else
    Darwin.write(fd, pointer, count)
    #endif
}
