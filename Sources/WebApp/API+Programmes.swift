import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore

extension API {
    /// `POST /api/programmes`: the uploaded files are checked as `intervision check` would; a valid programme is
    /// stored under a new id (201), an invalid one is not stored and every problem is listed (422).
    func create(_ request: Request) async -> Response {
        guard let body = await API.body(request, limit: API.uploadLimit) else { return API.tooLarge(API.uploadLimit) }
        guard let boundary = Multipart.boundary(request.headers[.contentType]) else {
            return API.error(
                .unsupportedMediaType, "not-multipart", "the upload must be multipart/form-data",
                fix: "send the files as form fields signups, facilitators, config, wishes",
                dutch: ("de upload moet multipart/form-data zijn", "stuur de bestanden via het formulier van de pagina")
            )
        }
        let parts: [FormPart]
        do { parts = try Multipart.parts(body, boundary: boundary) } catch {
            return API.badUpload(error.message)
        }
        var files: [String: InputFile] = [:]
        var form: [String: [String]] = [:]
        for part in parts {
            if Workspace.inputNames.contains(part.name), let filename = part.filename {
                guard !part.data.isEmpty else { continue }
                // Only the last component of the name is kept, for messages; it never becomes a path.
                let shown = Self.displayName(filename, field: part.name)
                files[part.name] = InputFile(name: shown, data: part.data)
            } else {
                form[part.name, default: []].append(String(decoding: part.data, as: UTF8.self))
            }
        }
        if files["config"] == nil, let toml = ConfigForm.toml(form) { files["config"] = toml }
        guard let signups = files["signups"] else {
            return API.problems([
                Diagnostic(
                    .error, file: "signups", field: "signups", "no sign-up file was uploaded",
                    fix: "choose the sign-ups (CSV or .xlsx) in the field signups"
                ).inDutch("er is geen aanmeldingenbestand geüpload", fix: "kies de aanmeldingen (CSV of .xlsx)")
            ])
        }
        let inputs = ProgrammeInputs(
            signups: signups, config: files["config"], facilitators: files["facilitators"], wishes: files["wishes"])
        let rows = Self.rows(files.values)
        let report: CheckReport
        do { report = try Intervision.check(inputs) } catch {
            if case .invalidInput(let problems) = error {
                return API.json(
                    APIModels.Problems(problems: problems.map { APIModels.Problem($0, rows: rows) }),
                    status: .unprocessableContent)
            }
            return API.json(APIModels.failure(error), status: .unprocessableContent)
        }
        let name = report.programme.config.name.isEmpty ? signups.name : report.programme.config.name
        do {
            let id = try app.workspace.create(name: name, files: files)
            return API.json(APIModels.Created(id: id, check: APIModels.Check(report, rows: rows)), status: .created)
        } catch {
            return API.error(
                .internalServerError, "cannot-write", "the workspace could not be written: \(error)",
                fix: "check that the disk has room and the workspace folder is writable, then try again",
                dutch: (
                    "de werkmap kon niet worden geschreven (\(error)); er is niets opgeslagen",
                    "kijk of de schijf ruimte heeft en de werkmap beschrijfbaar is, en probeer het opnieuw"
                ))
        }
    }

    /// The file name a user gave, without folders, at most 100 characters; the field's name when none is left.
    static func displayName(_ filename: String, field: String) -> String {
        let last = filename.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.prefix(100))
        return clean.isEmpty || clean == "." || clean == ".." ? field : clean
    }

    /// The lines of the uploaded text files by name, so a problem can show its row.
    static func rows(_ files: some Sequence<InputFile>) -> [String: [Substring]] {
        var out: [String: [Substring]] = [:]
        for file in files where !file.data.starts(with: [0x50, 0x4B]) {
            let text = String(decoding: file.data, as: UTF8.self)
            // "\r\n" is one Character in Swift: both endings end a line.
            out[file.name] = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        }
        return out
    }

    /// `GET /api/programmes/{id}`: the programme, its check and its current plan as plan.json holds it.
    func detail(_ id: String) async -> Response {
        guard app.workspace.folder(id) != nil else { return API.notFound() }
        let summary = await app.summary(id)
        struct Detail: Encodable {
            var programme: APIModels.ProgrammeSummary
            var inputs: [String: String]
            var check: APIModels.Check?
            var problems: [APIModels.Problem]?
        }
        var inputs: [String: String] = [:]
        for field in Workspace.inputNames {
            if let path = app.workspace.input(id, field) { inputs[field] = (path as NSString).lastPathComponent }
        }
        var detail = Detail(programme: summary, inputs: inputs)
        switch app.check(id) {
        case .success(let report): detail.check = APIModels.Check(report)
        case .failure(let failure): detail.problems = APIModels.failure(failure).problems
        case nil: break
        }
        // plan.json goes out as stored, so a script reads exactly what the CLI wrote.
        var data = APIModels.encode(detail)
        data.removeLast()
        data.append(Data(",\"plan\":".utf8))
        if case .success(let plan) = app.snapshot(id), !plan.json.isEmpty {
            data.append(plan.json)
            while data.last == 0x0A { data.removeLast() }
        } else {
            data.append(Data("null".utf8))
        }
        data.append(0x7D)
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `POST /api/programmes/{id}/publish`: marks the plan as sent out.
    func publish(_ id: String) -> Response {
        guard let folder = app.workspace.planFolder(id), app.snapshot(id) != nil else { return API.notFound() }
        do {
            let published = try Intervision.publish(folder)
            struct Published: Encodable {
                var version: Int
                var published: String
                var already: Bool
            }
            return API.json(
                Published(version: published.version, published: published.publishedAt, already: published.already))
        } catch {
            return API.json(APIModels.failure(error), status: .conflict)
        }
    }
}
