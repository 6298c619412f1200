import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file's contents all at once: the text goes to a temporary file
/// in the same directory (so the rename cannot cross file systems), which is
/// flushed to disk, given the original file's permissions, and renamed over
/// it. A reader sees the old file or the new one, never half of one; a failed
/// write leaves the original untouched.
public enum AtomicFileWriter {
    public struct WriteError: Error, CustomStringConvertible {
        public var path: String
        public var reason: String
        public var description: String { "Could not write \(path): \(reason)." }
    }

    /// Writes `text` as UTF-8 to `path`. A symbolic link is followed, so the
    /// file it points to is replaced and the link stays.
    public static func write(_ text: String, toFileAt path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).litbook-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp")
        let existingPermissions = (try? FileManager.default.attributesOfItem(atPath: target.path))?[.posixPermissions] as? NSNumber

        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        var succeeded = false
        defer {
            if !succeeded { unlink(temporary.path) }
        }
        do {
            defer { close(descriptor) }
            try writeAll(Array(text.utf8), to: descriptor, path: path)
            if let permissions = existingPermissions {
                guard fchmod(descriptor, mode_t(permissions.uint16Value)) == 0 else {
                    throw WriteError(path: path, reason: String(cString: strerror(errno)))
                }
            }
            guard fsync(descriptor) == 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        }
        guard rename(temporary.path, target.path) == 0 else {
            throw WriteError(path: path, reason: String(cString: strerror(errno)))
        }
        succeeded = true
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: String) throws {
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress, buffer.count)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            written += count
        }
    }
}

/// The C `write`, named apart from `AtomicFileWriter.write` (a member would hide it).
private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    #if canImport(Glibc)
        return Glibc.write(descriptor, buffer, count)
    #else
        return Darwin.write(descriptor, buffer, count)
    #endif
}
