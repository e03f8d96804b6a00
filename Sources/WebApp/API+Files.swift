import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore
import ZIPFoundation

extension API {
    /// `GET /api/programmes/{id}/files.zip`: the whole plan folder as one zip, entries sorted and stamped with
    /// the plan's creation time, so the same plan gives the same bytes.
    func zip(_ id: String) -> Response {
        guard let folder = app.workspace.planFolder(id), case .success(let snapshot) = app.snapshot(id) else {
            return API.notFound()
        }
        let stamp = ISO8601DateFormatter().date(from: snapshot.created) ?? Date(timeIntervalSince1970: 946_684_800)
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for path in snapshot.files {
                guard let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(path))
                else { continue }
                try archive.addEntry(
                    with: "plan/" + path, type: .file, uncompressedSize: Int64(data.count), modificationDate: stamp,
                    permissions: 0o644, compressionMethod: .deflate
                ) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { throw CocoaError(.fileWriteUnknown) }
            let name = "\(id)-v\(snapshot.plan.version).zip"
            return Response(
                status: .ok,
                headers: [.contentType: "application/zip", .contentDisposition: "attachment; filename=\"\(name)\""],
                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
        } catch {
            return API.error(
                .internalServerError, "internal", "the zip could not be made: \(error)",
                fix: "download the files one by one, or try again",
                dutch: (
                    "het zip-bestand kon niet worden gemaakt (\(error))",
                    "download de bestanden los, of probeer het opnieuw"
                ))
        }
    }

    /// `GET /api/programmes/{id}/files/{path}`: one file of the plan folder (a calendar, a workbook, the report),
    /// only when the folder's listing holds exactly that path — a name never becomes a path by itself.
    func file(_ id: String, _ path: String) -> Response {
        guard let folder = app.workspace.planFolder(id), case .success(let snapshot) = app.snapshot(id),
            snapshot.files.contains(path),
            let data = FileManager.default.contents(atPath: (folder as NSString).appendingPathComponent(path))
        else { return API.notFound() }
        let ext = (path as NSString).pathExtension.lowercased()
        let name = (path as NSString).lastPathComponent
        var headers: HTTPFields = [.contentType: Self.mediaType(ext)]
        if ext == "html" {
            // The report is shown in the browser; its own styles only, and no script can ever run in it.
            headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"
        } else {
            headers[.contentDisposition] = "attachment; filename=\"\(name)\""
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    static func mediaType(_ ext: String) -> String {
        switch ext {
        case "html": "text/html; charset=utf-8"
        case "ics": "text/calendar; charset=utf-8"
        case "csv": "text/csv; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        case "json": "application/json"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        default: "application/octet-stream"
        }
    }
}
