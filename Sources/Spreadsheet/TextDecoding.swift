import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The text of an uploaded CSV, whatever Chinese Windows saved it as: UTF-8 (with or without a
/// byte-order mark), UTF-16 with its mark (Excel's "Unicode text"), or GB18030 — a superset of
/// GBK and GB2312, what "CSV (逗号分隔)" writes on a Chinese Windows. Decoded by the C library's
/// iconv; bytes that are none of these are refused, never guessed into mojibake.
public enum TextDecoding {
    public static func decode(_ data: Data) throws -> String {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else { throw SpreadsheetError.unreadableText }
            return text
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: little ? .utf16LittleEndian : .utf16BigEndian) else {
                throw SpreadsheetError.unreadableText
            }
            return text
        }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        guard let text = convert(bytes, from: "GB18030") else { throw SpreadsheetError.unreadableText }
        return text
    }

    /// Text as GB18030 bytes, as Chinese Windows saves a CSV (for tests and for exports that ask it).
    public static func encodeGB18030(_ text: String) -> [UInt8]? {
        convertBytes(Array(text.utf8), from: "UTF-8", to: "GB18030")
    }

    /// Bytes in `encoding` as a String through iconv; nil when they are not valid in it.
    static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        convertBytes(bytes, from: encoding, to: "UTF-8").flatMap { String(validating: $0, as: UTF8.self) }
    }

    static func convertBytes(_ bytes: [UInt8], from encoding: String, to target: String) -> [UInt8]? {
        let descriptor = iconv_open(target, encoding)
        guard descriptor != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(descriptor) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 4 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPointer = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                guard result != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return output.prefix(converted).map { UInt8(bitPattern: $0) }
    }
}
