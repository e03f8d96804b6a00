import Foundation
import MultipartKit
import NIOCore

/// The parts of a `multipart/form-data` upload: each field's name, the file name when it is a file, and its
/// bytes.
struct FormPart: Sendable {
    var name: String
    var filename: String?
    var data: Data
}

enum Multipart {
    /// Why an upload could not be read.
    struct Failure: Error {
        var message: String
    }

    /// The boundary of a `multipart/form-data` content type, or nil when it is not one.
    static func boundary(_ contentType: String?) -> String? {
        guard let contentType, contentType.lowercased().hasPrefix("multipart/form-data") else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            if pair.count == 2, pair[0].lowercased() == "boundary" {
                let value = pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))
                return (1...70).contains(value.utf8.count) ? value : nil
            }
        }
        return nil
    }

    /// Every part of `body`, in order.
    static func parts(_ body: ByteBuffer, boundary: String) throws(Failure) -> [FormPart] {
        let parser = MultipartParser(boundary: boundary)
        var parts: [FormPart] = []
        var headers: [(String, String)] = []
        var data = Data()
        parser.onHeader = { name, value in headers.append((name.lowercased(), value)) }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let disposition = headers.first { $0.0 == "content-disposition" }?.1 ?? ""
            if let name = parameter("name", in: disposition) {
                parts.append(FormPart(name: name, filename: parameter("filename", in: disposition), data: data))
            }
            headers = []
            data = Data()
        }
        do { try parser.execute(body) } catch { throw Failure(message: "the upload is not valid multipart/form-data") }
        return parts
    }

    /// A parameter of a `Content-Disposition` value (`name="signups"`).
    static func parameter(_ key: String, in header: String) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value.replacingOccurrences(of: "\\\"", with: "\"")
        }
        return nil
    }
}
