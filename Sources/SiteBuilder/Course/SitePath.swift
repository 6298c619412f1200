/// POSIX path arithmetic on plain strings: normalising notebook and image paths,
/// placing them in the site, and writing the relative `href` between two pages.
///
/// Site paths are relative to the site's root and use `/` (`part1/conv.html`);
/// they never start with `/` or contain `.` or `..` segments.
enum SitePath {
    // MARK: - Normalising

    /// The segments of a path without empty and `.` segments, `..` applied where it
    /// can be (leading `..` of a relative path are kept).
    static func segments(_ path: String) -> [String] {
        var result: [String] = []
        let isAbsolute = path.hasPrefix("/")
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if let last = result.last, last != ".." {
                    result.removeLast()
                } else if !isAbsolute {
                    result.append("..")
                }
            default: result.append(String(part))
            }
        }
        return result
    }

    /// `a/./b/../c` → `a/c`; an absolute path stays absolute.
    static func normalize(_ path: String) -> String {
        let joined = segments(path).joined(separator: "/")
        return path.hasPrefix("/") ? "/" + joined : joined
    }

    /// The directory part of a normalised path (`""` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last segment of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `relative` read from `directory`, normalised; an absolute `relative` wins.
    static func join(_ directory: String, _ relative: String) -> String {
        if relative.hasPrefix("/") || directory.isEmpty { return normalize(relative) }
        return normalize(directory + "/" + relative)
    }

    /// The path of `path` seen from `directory` (both normalised, both absolute or
    /// both relative to the same place): `../img/a.svg`.
    static func relative(_ path: String, from directory: String) -> String {
        let target = segments(path)
        let base = segments(directory)
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let ups = Array(repeating: "..", count: base.count - common)
        return (ups + target[common...]).joined(separator: "/")
    }

    /// The directory every path lies in (`/course/notebooks` for
    /// `/course/notebooks/a.md` and `/course/notebooks/part/b.md`).
    static func commonDirectory(of paths: [String]) -> String {
        guard let first = paths.first else { return "" }
        var common = segments(directory(of: first))
        for path in paths.dropFirst() {
            let parts = segments(directory(of: path))
            var count = 0
            while count < common.count, count < parts.count, common[count] == parts[count] { count += 1 }
            common.removeLast(common.count - count)
        }
        let joined = common.joined(separator: "/")
        return first.hasPrefix("/") ? "/" + joined : joined
    }

    // MARK: - Links between site files

    /// The relative URL from the page at site path `page` to the site file `target`
    /// (`part1/a.html` → `style.css` gives `../style.css`), percent-encoded.
    static func href(from page: String, to target: String) -> String {
        encode(relative(target, from: directory(of: page)))
    }

    /// `../` once per directory of a page: the prefix that leads back to the site root.
    static func rootPrefix(of page: String) -> String {
        String(repeating: "../", count: segments(directory(of: page)).count)
    }

    /// A path as a URL path: characters that would end or break it (white space,
    /// `%`, `#`, `?`, quotes, `<`, `>`, `\`, controls) percent-encoded; other
    /// characters, CJK included, stay readable.
    static func encode(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            if mustEncode(scalar) {
                for byte in String(scalar).utf8 {
                    result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
                }
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func mustEncode(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "%", "#", "?", "\"", "'", "<", ">", "\\", "^", "`", "{", "|", "}": return true
        default: return scalar.value < 0x20 || scalar.value == 0x7F || scalar.properties.isWhitespace
        }
    }

    /// `%E5%9B%BE` → `图`; malformed escapes are kept as written.
    static func decode(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        let utf8 = Array(text.utf8)
        var index = 0
        while index < utf8.count {
            if utf8[index] == UInt8(ascii: "%"), index + 2 < utf8.count,
                let high = hexValue(utf8[index + 1]), let low = hexValue(utf8[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 3
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
