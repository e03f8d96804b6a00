import CGLPK
import RunControl

/// State shared with GLPK's C callbacks through `cb_info`. Lives for one solve on one thread.
final class SearchContext {
    private let start = ContinuousClock.now
    private let sense: Sense
    private let captureLog: Bool
    private var pendingLine = ""
    private(set) var log = ""
    /// 1-based with a dummy at index 0, as glp_ios_heur_sol expects.
    private var warmStart: [Double]?
    private(set) var warmStartAccepted = false
    private let progress: (@Sendable (Progress) -> Void)?
    private let progressInterval: Double
    private var lastReport = -Double.infinity
    private(set) var lastBound: Double?
    private let deadline: Double?
    private let cancellation: Cancellation?

    init(model: Model, options: SolverOptions) {
        deadline = options.timeLimit
        cancellation = options.cancellation
        sense = model.sense
        captureLog = options.captureLog
        warmStart = options.warmStart.map { [0] + $0 }
        progress = options.progress
        progressInterval = options.progressInterval
    }

    var elapsed: Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// Cancelled, or past the time limit.
    var shouldStop: Bool {
        if cancellation?.isCancelled == true { return true }
        if let deadline, elapsed > deadline { return true }
        return false
    }

    func appendLog(_ fragment: String) {
        guard captureLog else { return }
        log += fragment
    }

    /// Runs thousands of times per solve: only cheap calls here.
    func callback(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, let x = warmStart {
            warmStart = nil
            warmStartAccepted = glp_ios_heur_sol(tree, x) == 0
        }
        let best = glp_ios_best_node(tree)
        if best != 0 { lastBound = glp_ios_node_bound(tree, best) }
        let now = elapsed
        // GLPK checks its own limit only between nodes; on big models one node can take many seconds.
        if let deadline, now > deadline { glp_ios_terminate(tree) }
        if cancellation?.isCancelled == true { glp_ios_terminate(tree) }
        guard let progress else { return }
        guard now - lastReport >= progressInterval else { return }
        lastReport = now
        let prob = glp_ios_get_prob(tree)
        let status = glp_mip_status(prob)
        let incumbent = (status == GLP_FEAS || status == GLP_OPT) ? glp_mip_obj_val(prob) : nil
        var active: Int32 = 0, total: Int32 = 0, all: Int32 = 0
        glp_ios_tree_size(tree, &active, &total, &all)
        let gap = incumbent.flatMap { inc in lastBound.map { abs(inc - $0) / max(abs(inc), 1e-9) } }
        progress(Progress(incumbent: incumbent, bound: lastBound, gap: gap, elapsed: now, activeNodes: Int(active)))
    }

    func solution(_ status: SolveStatus, objective: Double? = nil, bound: Double? = nil, values: [Double] = [])
        -> Solution
    {
        Solution(
            status: status, objective: objective, bestBound: bound, values: values, elapsed: elapsed,
            log: log, warmStartAccepted: warmStartAccepted)
    }
}
