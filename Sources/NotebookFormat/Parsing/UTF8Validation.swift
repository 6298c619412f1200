/// Finds the first byte that breaks UTF-8, so that a notebook saved in another
/// encoding is reported at its place instead of being read as garbage.
enum UTF8Validation {
    /// The offset of the first byte of the first invalid sequence, or nil when
    /// all of `bytes` is well-formed UTF-8 (no overlongs, surrogates or values
    /// past U+10FFFF).
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            var lowest: UInt8 = 0x80
            var highest: UInt8 = 0xBF
            switch lead {
            case 0x00...0x7F:
                index += 1
                continue
            case 0xC2...0xDF: length = 2
            case 0xE0:
                length = 3
                lowest = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED:
                length = 3
                highest = 0x9F
            case 0xF0:
                length = 4
                lowest = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4:
                length = 4
                highest = 0x8F
            default:
                return index
            }
            guard index + length <= bytes.count else { return index }
            // The second byte has the tighter bounds; the rest are plain continuations.
            guard (lowest...highest).contains(bytes[index + 1]) else { return index }
            for offset in 2..<length where !(0x80...0xBF).contains(bytes[index + offset]) {
                return index
            }
            index += length
        }
        return nil
    }
}
