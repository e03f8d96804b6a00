import CInflate
import Foundation

/// Raw deflate data unpacked with zlib, bounded on both sides: it reads only the bytes given and stops at
/// `limit` bytes of output. ZIPFoundation's own extraction reads on past an entry until the stream ends and
/// spins forever at the end of a file whose stream never does (found by `make fuzz`); this cannot.
enum Inflate {
    enum Failure: Error { case damaged, tooLarge }

    static func unpack(_ input: Data, limit: Int) throws(Failure) -> Data {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .damaged
        }
        defer { inflateEnd(&stream) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var source = [UInt8](input)
        var result: Int32 = Z_OK
        let total = source.count
        source.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = UInt32(total)
            repeat {
                buffer.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    result = inflate(&stream, Z_NO_FLUSH)
                    output.append(out.baseAddress!, count: out.count - Int(stream.avail_out))
                }
            } while result == Z_OK && output.count <= limit && (stream.avail_in > 0 || stream.avail_out == 0)
        }
        if output.count > limit { throw .tooLarge }
        // Anything but a complete stream inside the given bytes is a damaged part.
        guard result == Z_STREAM_END else { throw .damaged }
        return output
    }
}
