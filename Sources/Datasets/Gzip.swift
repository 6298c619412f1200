import CZlib
import Foundation

/// Reads a whole gzip file through zlib (the only importer of `CZlib`).
enum Gzip {
    /// The decompressed bytes of the gzip file at `path`. A file that is not gzip
    /// is returned as it is (zlib reads plain files transparently), which keeps
    /// uncompressed IDX files usable too.
    static func contents(of path: String) throws -> [UInt8] {
        guard let file = gzopen(path, "rb") else {
            throw DatasetError.unreadable(path: path, reason: String(cString: strerror(errno)))
        }
        defer { gzclose(file) }
        gzbuffer(file, 1 << 20)
        var bytes: [UInt8] = []
        let chunk = 1 << 20
        var buffer = [UInt8](repeating: 0, count: chunk)
        while true {
            let read = buffer.withUnsafeMutableBytes { gzread(file, $0.baseAddress, UInt32(chunk)) }
            if read < 0 {
                var code: Int32 = 0
                let message = gzerror(file, &code).map { String(cString: $0) } ?? "zlib error \(code)"
                throw DatasetError.unreadable(path: path, reason: message)
            }
            if read == 0 { break }
            bytes.append(contentsOf: buffer[0..<Int(read)])
        }
        return bytes
    }
}
