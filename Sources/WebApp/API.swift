import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore

/// The JSON API (`docs/openapi.yaml`): programmes, their plans and replans as jobs, previews of moves, files.
/// Handlers only translate: the work is IntervisionKit's.
struct API: Sendable {
    let app: AppState

    /// Uploads larger than this are refused with 413.
    static let uploadLimit = 20 * 1024 * 1024
    /// JSON bodies larger than this are refused with 413.
    static let jsonLimit = 1024 * 1024

    func register(on router: Router<BasicRequestContext>) {
        router.get("/api/openapi.yaml") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "application/yaml; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(bytes: Assets.openAPI)))
        }
        router.get("/api/programmes") { _, _ in API.json(APIModels.ProgrammeList(programmes: await app.summaries())) }
        router.post("/api/programmes") { request, _ in await create(request) }
        router.get("/api/programmes/:id") { _, context in await detail(context.parameters.get("id") ?? "") }
        router.post("/api/programmes/:id/plan") { request, context in
            await plan(request, context.parameters.get("id") ?? "")
        }
        router.post("/api/programmes/:id/replan") { request, context in
            await replan(request, context.parameters.get("id") ?? "")
        }
        router.post("/api/programmes/:id/preview") { request, context in
            await preview(request, context.parameters.get("id") ?? "")
        }
        router.post("/api/programmes/:id/publish") { _, context in publish(context.parameters.get("id") ?? "") }
        router.get("/api/programmes/:id/files.zip") { _, context in zip(context.parameters.get("id") ?? "") }
        router.get("/api/programmes/:id/files/**") { _, context in
            file(context.parameters.get("id") ?? "", context.parameters.getCatchAll().joined(separator: "/"))
        }
        router.get("/api/jobs/:job") { _, context in
            guard let view = await app.jobs.view(context.parameters.get("job") ?? "") else { return API.notFound() }
            return API.json(view)
        }
        router.get("/api/jobs/:job/events") { _, context in await events(context.parameters.get("job") ?? "") }
        router.delete("/api/jobs/:job") { _, context in
            let id = context.parameters.get("job") ?? ""
            guard await app.jobs.cancel(id), let view = await app.jobs.view(id) else { return API.notFound() }
            return API.json(view, status: .accepted)
        }
    }

    // MARK: Responses

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(bytes: APIModels.encode(value))))
    }

    /// An error answer; `dutch` gives its message and fix for Dutch pages (every answer a page can meet has them).
    static func error(
        _ status: HTTPResponse.Status, _ code: String, _ message: String, fix: String? = nil,
        dutch: (message: String, fix: String?)
    ) -> Response {
        json(
            APIModels.Failure(
                error: code, message: message, fix: fix, nl: .init(message: dutch.message, fix: dutch.fix)),
            status: status)
    }

    static func notFound() -> Response {
        error(
            .notFound, "not-found", "there is no such programme, job or file",
            dutch: ("dit programma, deze berekening of dit bestand bestaat niet (meer)", nil))
    }

    /// 413: files (`uploadLimit`) or a JSON request (`jsonLimit`) too large to read.
    static func tooLarge(_ limit: Int) -> Response {
        let mb = limit / 1024 / 1024, files = limit == uploadLimit
        return error(
            .contentTooLarge, "too-large",
            files ? "the upload is larger than \(mb) MB" : "the request is larger than \(mb) MB",
            fix: files ? "upload the sign-ups as CSV or .xlsx without images" : "send fewer changes at a time",
            dutch: files
                ? (
                    "het bestand is groter dan \(mb) MB",
                    "lever de aanmeldingen aan als CSV of .xlsx zonder afbeeldingen"
                )
                : ("het verzoek is groter dan \(mb) MB", "geef minder wijzigingen tegelijk door"))
    }

    /// The upload was not readable form data (the multipart parser's reason, in English, follows in Dutch too).
    static func badUpload(_ reason: String) -> Response {
        error(
            .badRequest, "bad-upload", reason, fix: "upload the files again through the page",
            dutch: ("de upload kon niet worden gelezen (\(reason))", "upload de bestanden opnieuw via de pagina"))
    }

    /// The body, at most `limit` bytes; nil when it is larger (the caller answers 413).
    static func body(_ request: Request, limit: Int) async -> ByteBuffer? {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { return nil }
        var request = request
        return try? await request.collectBody(upTo: limit)
    }

    /// A JSON body decoded as `T`, or the 413/422 response to send instead.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request) async -> Result<T, ResponseBox> {
        guard let body = await body(request, limit: jsonLimit) else {
            return .failure(ResponseBox(tooLarge(jsonLimit)))
        }
        if body.readableBytes == 0, let empty = try? JSONDecoder().decode(T.self, from: Data("{}".utf8)) {
            return .success(empty)
        }
        return decodeJSON(T.self, Data(body.readableBytesView), file: "request")
    }

    /// `data` decoded as `T`, or a 422 naming the field that does not fit (`file` says where the JSON came from).
    static func decodeJSON<T: Decodable>(_ type: T.Type, _ data: Data, file: String) -> Result<T, ResponseBox> {
        do {
            return .success(try JSONDecoder().decode(T.self, from: data))
        } catch {
            return .failure(
                ResponseBox(
                    problems([
                        Diagnostic(
                            .error, file: file, field: Self.path(of: error),
                            "the JSON does not match the API: \(Self.describe(error))",
                            fix: "see /api/openapi.yaml for the request's fields")
                    ])))
        }
    }

    /// A job's time limit in seconds: `default` when not given, else 1–3600 (422 outside).
    static func timeLimit(_ given: Double?, default value: Double) -> Result<Double, ResponseBox> {
        let limit = given ?? value
        guard limit.isFinite, (1...3600).contains(limit) else {
            return .failure(
                ResponseBox(
                    problems([
                        Diagnostic(
                            .error, file: "request", field: "timeLimit",
                            "timeLimit \(limit) is outside 1–3600 seconds",
                            fix: "give a number of seconds from 1 to 3600"
                        ).inDutch(
                            "de rekentijd \(limit) ligt buiten 1–3600 seconden", fix: "geef 1 tot 3600 seconden")
                    ])))
        }
        return .success(limit)
    }

    /// 422 with every problem.
    static func problems(_ list: [Diagnostic]) -> Response {
        json(APIModels.Problems(problems: list.map { APIModels.Problem($0) }), status: .unprocessableContent)
    }

    /// A response carried in a `Result`'s failure.
    struct ResponseBox: Error {
        let response: Response
        init(_ response: Response) { self.response = response }
    }

    static func path(of error: Error) -> String? {
        guard let e = error as? DecodingError else { return nil }
        let context: DecodingError.Context? =
            switch e {
            case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c): c
            case .keyNotFound(let key, let c): .init(codingPath: c.codingPath + [key], debugDescription: "")
            @unknown default: nil
            }
        return context.map {
            $0.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        }
    }

    static func describe(_ error: Error) -> String {
        switch error as? DecodingError {
        case .typeMismatch(let type, _): "a value has the wrong type (expected \(type))"
        case .valueNotFound: "a value is missing"
        case .keyNotFound(let key, _): "the field \(key.stringValue) is missing"
        case .dataCorrupted(let c): c.codingPath.isEmpty ? "the body is not JSON" : "a value is not valid"
        default: "the body is not JSON"
        }
    }
}
