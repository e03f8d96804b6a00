import Foundation
import IntervisionKit

/// Plans and replans running in the background, one at a time per programme: their state, their progress in
/// plain words and their result, for `GET /api/jobs/{job}` and its event stream.
actor JobBoard {
    /// Where a job is.
    enum State: String, Codable, Sendable { case queued, running, done, failed, cancelled }

    /// A step of a job's progress, in the words a page shows.
    struct Step: Codable, Sendable, Equatable {
        /// The stage (`grouping`, `dates`, …).
        var stage: String
        /// `started`, `progress` or `finished`.
        var kind: String
        /// What happens, in English (the CLI's words).
        var message: String
        /// What happens, in Dutch plain words.
        var words: String
        /// Seconds since the job started.
        var elapsed: Double
        /// The objective's value and bound when a solve reports them.
        var value: Double?
        var bound: Double?
    }

    /// What `GET /api/jobs/{job}` returns.
    struct View: Codable, Sendable {
        var job: String
        var programme: String
        var kind: String
        var state: State
        var progress: Step?
        var steps: Int
        var result: Outcome?
        var failure: APIModels.Failure?
    }

    /// A finished job's result: what changed and where.
    struct Outcome: Codable, Sendable {
        var version: Int
        var groups: Int
        var seconds: Double?
        var objectives: [Objective]
        var moves: [APIModels.Preview.Move]?
        var changes: String?
        var recipients: [String]?
        var dryRun: Bool?

        struct Objective: Codable, Sendable {
            var metric: String
            var value: Int
            var bound: Int
            var optimal: Bool
        }
    }

    private struct Job {
        var programme: String
        var kind: String
        var state: State = .queued
        let log = StepLog()
        var result: Outcome?
        var failure: APIModels.Failure?
        var task: Task<Void, Never>?
    }

    /// The work of a job: it reports progress to the sink and returns its outcome, or fails.
    typealias Work = @Sendable (EventSink) async throws(PlanningFailure) -> Outcome

    private var jobs: [String: Job] = [:]
    private var order: [String] = []
    private var counter = 0

    /// Why a job was not started.
    enum Refusal: Error { case busy(job: String) }

    /// Starts `work` for `programme`, unless a job for it is queued or running (then `.busy` names it).
    func start(programme: String, kind: String, work: @escaping Work) throws(Refusal) -> String {
        if let busy = active(programme: programme) {
            throw .busy(job: busy)
        }
        prune()
        counter += 1
        // Unguessable, so one page cannot watch or cancel another's job by counting.
        let id = "job-\(counter)-" + UUID().uuidString.lowercased().prefix(8)
        let job = Job(programme: programme, kind: kind)
        let log = job.log
        jobs[id] = job
        order.append(id)
        let task = Task { [weak self] in
            await self?.setState(id, .running)
            let sink = EventSink { event in log.append(event) }
            do {
                let outcome = try await work(sink)
                await self?.finish(id, .done, result: outcome, failure: nil)
            } catch {
                let failure = (error as? PlanningFailure) ?? .internalError("\(error)")
                let state: State = if case .cancelled = failure { .cancelled } else { .failed }
                await self?.finish(id, state, result: nil, failure: APIModels.failure(failure))
            }
        }
        jobs[id]?.task = task
        return id
    }

    /// The job's state, progress and result.
    func view(_ id: String) -> View? {
        guard let job = jobs[id] else { return nil }
        return View(
            job: id, programme: job.programme, kind: job.kind, state: job.state, progress: job.log.steps.last,
            steps: job.log.steps.count, result: job.result, failure: job.failure)
    }

    /// The steps from `index` on, and whether the job is over.
    func steps(_ id: String, from index: Int) -> (steps: [Step], over: Bool)? {
        guard let job = jobs[id] else { return nil }
        let over = job.state != .queued && job.state != .running
        return (Array(job.log.steps.dropFirst(index)), over)
    }

    /// The running or queued job of `programme`, if any.
    func active(programme: String) -> String? {
        order.last { id in
            jobs[id].map { $0.programme == programme && ($0.state == .queued || $0.state == .running) } ?? false
        }
    }

    /// The last job of `programme`, if any.
    func last(programme: String) -> String? {
        order.last { jobs[$0]?.programme == programme }
    }

    /// Cancels a queued or running job (its solvers stop within a second; nothing is written). False when
    /// there is no such job.
    func cancel(_ id: String) -> Bool {
        guard let job = jobs[id] else { return false }
        job.task?.cancel()
        return true
    }

    /// Waits until the job is over (for tests and for shutting down).
    func wait(_ id: String) async {
        await jobs[id]?.task?.value
    }

    /// Finished jobs beyond the newest `kept` are forgotten, so a server that runs for months stays small.
    private func prune(kept: Int = 200) {
        let finished = order.filter { id in jobs[id].map { $0.state != .queued && $0.state != .running } ?? true }
        guard finished.count > kept else { return }
        let gone = Set(finished.dropLast(kept))
        for id in gone { jobs[id] = nil }
        order.removeAll { gone.contains($0) }
    }

    private func setState(_ id: String, _ state: State) {
        if jobs[id]?.state == .queued { jobs[id]?.state = state }
    }

    private func finish(_ id: String, _ state: State, result: Outcome?, failure: APIModels.Failure?) {
        jobs[id]?.state = state
        jobs[id]?.result = result
        jobs[id]?.failure = failure
        jobs[id]?.task = nil
    }

    /// A stage in Dutch plain words, as the plan page shows it.
    nonisolated static func words(_ event: RunEvent) -> String {
        let what =
            switch event.stage {
            case .grouping: "Groepen vormen"
            case .facilitators: "Begeleiders toewijzen"
            case .dates: "Data van de bijeenkomsten kiezen"
            case .rotation: "Inbrengers van casussen plannen"
            case .regrouping: "Zo weinig mogelijk mensen verplaatsen"
            case .writing: "Bestanden schrijven"
            }
        switch event.kind {
        case .started: return what + " …"
        case .finished: return what + ": klaar"
        case .progress:
            if let value = event.value, let bound = event.bound {
                return what + ": beste tot nu toe \(Int(value)), ondergrens \(Int(bound))"
            }
            return what + " …"
        }
    }
}

/// A job's steps, appended from the solver's thread as events arrive and read by requests: a lock, not the
/// actor, so the order of events is kept and the solver never waits for the actor.
final class StepLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [JobBoard.Step] = []

    /// Records `event`.
    func append(_ event: RunEvent) {
        let step = JobBoard.Step(
            stage: event.stage.rawValue, kind: event.kind.rawValue, message: event.message,
            words: JobBoard.words(event), elapsed: (event.elapsed * 10).rounded() / 10, value: event.value,
            bound: event.bound)
        lock.withLock { list.append(step) }
    }

    /// Every step so far, oldest first.
    var steps: [JobBoard.Step] { lock.withLock { list } }
}
