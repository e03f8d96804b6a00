import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore

extension API {
    /// `POST /api/programmes/{id}/plan` body.
    struct PlanBody: Decodable {
        var timeLimit: Double?
    }

    /// `POST /api/programmes/{id}/plan`: starts planning (202 with the job), 409 while it already runs.
    func plan(_ request: Request, _ id: String) async -> Response {
        guard app.workspace.folder(id) != nil, let folder = app.workspace.planFolder(id) else { return API.notFound() }
        let body: PlanBody
        switch await API.decode(PlanBody.self, request) {
        case .success(let b): body = b
        case .failure(let box): return box.response
        }
        let limit: Double
        switch API.timeLimit(body.timeLimit, default: 60) {
        case .success(let l): limit = l
        case .failure(let box): return box.response
        }
        let workspace = app.workspace
        return await start(id, kind: "plan") { sink async throws(PlanningFailure) in
            let inputs = try workspace.inputs(id)
            let replace = FileManager.default.fileExists(
                atPath: (folder as NSString).appendingPathComponent("plan.json"))
            let planned = try await Intervision.plan(
                PlanRequest(inputs: inputs, folder: folder, replace: replace), budget: RunBudget(timeLimit: limit),
                events: sink)
            return JobBoard.Outcome(
                version: 1, groups: planned.grouping.groups.count, seconds: (planned.seconds * 10).rounded() / 10,
                objectives: planned.grouping.objectives.map {
                    .init(metric: $0.objective.metric, value: $0.value, bound: $0.bound, optimal: $0.optimal)
                })
        }
    }

    /// Starts a job, or answers 409 naming the one that runs.
    func start(_ id: String, kind: String, work: @escaping JobBoard.Work) async -> Response {
        do {
            let job = try await app.jobs.start(programme: id, kind: kind, work: work)
            var response = API.json(APIModels.Accepted(job: job), status: .accepted)
            response.headers[.location] = "/api/jobs/\(job)"
            return response
        } catch {
            guard case .busy(let job) = error else { return API.notFound() }
            return API.error(
                .conflict, "busy", "programme \(id) is already being planned (job \(job))",
                fix: "wait for that job to finish, or cancel it with DELETE /api/jobs/\(job)",
                dutch: (
                    "voor dit programma loopt al een berekening", "wacht tot die klaar is, of breek die af op de pagina"
                ))
        }
    }

    /// `POST /api/programmes/{id}/preview`: whether moves and swaps are allowed and what they cost; nothing is
    /// written.
    func preview(_ request: Request, _ id: String) async -> Response {
        guard let folder = app.workspace.planFolder(id), let snapshot = app.snapshot(id) else { return API.notFound() }
        let changes: ReplanChanges
        switch await API.decode(ReplanBody.self, request).flatMap(Self.resolved) {
        case .success(let c): changes = c
        case .failure(let box): return box.response
        }
        let programme = try? snapshot.get().plan.programme
        do {
            let preview = try Intervision.preview(folder, changes)
            return API.json(
                APIModels.Preview(
                    allowed: true,
                    moves: preview.moves.map { m in
                        .init(
                            email: programme?.participants[m.participant].email ?? "",
                            name: programme?.participants[m.participant].name ?? "", from: m.from, to: m.to)
                    },
                    deltas: preview.deltas.map {
                        .init(metric: $0.objective.metric, before: $0.before, after: $0.after)
                    }))
        } catch {
            switch error {
            case .impossible(let why):
                return API.json(APIModels.Preview.refused(why, programme))
            case .invalidInput(let problems):
                return API.json(
                    APIModels.Problems(problems: problems.map { APIModels.Problem($0) }), status: .unprocessableContent)
            default:
                return API.json(APIModels.failure(error), status: .internalServerError)
            }
        }
    }

    /// `GET /api/jobs/{job}/events`: the job's steps as server-sent events, then `end` with its state.
    func events(_ id: String) async -> Response {
        guard await app.jobs.view(id) != nil else { return API.notFound() }
        let jobs = app.jobs
        let body = ResponseBody { writer in
            var sent = 0
            while true {
                guard let (steps, over) = await jobs.steps(id, from: sent) else { break }
                for step in steps {
                    let data = String(decoding: APIModels.encode(step), as: UTF8.self)
                    try await writer.write(ByteBuffer(string: "event: progress\ndata: \(data)\n\n"))
                }
                sent += steps.count
                if over {
                    if let view = await jobs.view(id) {
                        let data = String(decoding: APIModels.encode(view), as: UTF8.self)
                        try await writer.write(ByteBuffer(string: "event: end\ndata: \(data)\n\n"))
                    }
                    break
                }
                try await Task.sleep(for: .milliseconds(200))
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok, headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: body)
    }
}
