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
    private let workLimit: Double?
    private let cancellation: Cancellation?
    /// Counted so far (iterations and nodes are updated at every look).
    private(set) var work: Work
    /// Set when this context stopped the search.
    private(set) var stoppedBy: StopReason?
    /// Columns whose pseudocosts GLPK has initialised (1-based), when branching by pseudocost.
    private var pseudocostKnown: [Bool]?
    /// Columns (1-based) to branch on first (`SolverOptions.branchFirst`).
    private let branchFirst: [Int32]
    /// How many incumbents to keep besides the last one (`SolverOptions.keptIncumbents`).
    private let keptIncumbents: Int
    /// The incumbents so far, oldest first, at most `keptIncumbents + 1`.
    private var incumbents: [Solution.Incumbent] = []

    init(model: Model, options: SolverOptions) {
        deadline = options.timeLimit
        workLimit = options.workLimit
        work = Work(size: model.columns.count + model.constraints.count)
        if options.branching == .pseudocost {
            pseudocostKnown = Array(repeating: false, count: model.columns.count + 1)
        }
        branchFirst = options.branchFirst.map { Int32($0.index + 1) }
        cancellation = options.cancellation
        keptIncumbents = options.keptIncumbents
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

    /// Records the iterations so far and says whether to stop: cancelled, the work limit reached, or past the
    /// time limit — in that order, so a search that reached its work limit says so even on a slow machine.
    func shouldStop(iterations: Int, nodes: Int? = nil) -> Bool {
        work.iterations = iterations
        if let nodes { work.nodes = nodes }
        if cancellation?.isCancelled == true {
            stoppedBy = .cancelled
        } else if let workLimit, work.units >= workLimit {
            stoppedBy = .work
        } else if let deadline, elapsed > deadline {
            stoppedBy = .time
        }
        return stoppedBy != nil
    }

    /// Records the final iteration count; a search that GLPK ended on its own time limit was stopped by the clock.
    func finish(iterations: Int, timeLimitReturn: Bool) {
        work.iterations = iterations
        if timeLimitReturn && stoppedBy == nil { stoppedBy = .time }
    }

    /// Branches on the most fractional of `branchFirst` when one can be branched on; true when it did.
    private func branchOnPriorityColumn(_ tree: OpaquePointer) -> Bool {
        let prob = glp_ios_get_prob(tree)
        var best: Int32 = 0, bestDistance = 0.0
        for j in branchFirst where glp_ios_can_branch(tree, j) != 0 {
            let v = glp_get_col_prim(prob, j)
            let distance = min(v - v.rounded(.down), v.rounded(.up) - v)
            if distance > bestDistance + 1e-9 { (best, bestDistance) = (j, distance) }
        }
        guard best != 0 else { return false }
        glp_ios_branch_upon(tree, best, GLP_NO_BRNCH)
        return true
    }

    /// Records the problem's incumbent when it is new: each is better than the last, so a changed objective is a
    /// new one. Called at every callback, so the check is two cheap calls; the copy happens a few times per solve.
    private func keepIncumbent(_ prob: OpaquePointer?) {
        let status = glp_mip_status(prob)
        guard status == GLP_FEAS || status == GLP_OPT else { return }
        let objective = glp_mip_obj_val(prob)
        guard incumbents.last?.objective != objective else { return }
        let n = glp_get_num_cols(prob)
        let values = (0..<n).map { glp_mip_col_val(prob, $0 + 1) }
        incumbents.append(.init(objective: objective, values: values))
        if incumbents.count > keptIncumbents + 1 { incumbents.removeFirst() }
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
        // Not only at GLP_IBINGO: incumbents from GLPK's own heuristics (and the warm start) arrive without one.
        if keptIncumbents > 0 { keepIncumbent(glp_ios_get_prob(tree)) }
        if reason == GLP_IBRANCH, !branchFirst.isEmpty, branchOnPriorityColumn(tree) { return }
        // GLPK's hybrid pseudocost branching initialises every branching candidate it has not met before.
        if reason == GLP_IBRANCH, var known = pseudocostKnown {
            pseudocostKnown = nil
            for j in 1..<known.count where !known[j] && glp_ios_can_branch(tree, Int32(j)) != 0 {
                known[j] = true
                work.pseudocosts += 1
            }
            pseudocostKnown = known
        }
        let best = glp_ios_best_node(tree)
        if best != 0 { lastBound = glp_ios_node_bound(tree, best) }
        let prob = glp_ios_get_prob(tree)
        var active: Int32 = 0, total: Int32 = 0, all: Int32 = 0
        glp_ios_tree_size(tree, &active, &total, &all)
        // GLPK checks its own limit only between nodes; on big models one node can take many seconds.
        if shouldStop(iterations: Int(glp_get_it_cnt(prob)), nodes: Int(all)) { glp_ios_terminate(tree) }
        guard let progress else { return }
        let now = elapsed
        guard now - lastReport >= progressInterval else { return }
        lastReport = now
        let status = glp_mip_status(prob)
        let incumbent = (status == GLP_FEAS || status == GLP_OPT) ? glp_mip_obj_val(prob) : nil
        let gap = incumbent.flatMap { inc in lastBound.map { abs(inc - $0) / max(abs(inc), 1e-9) } }
        progress(Progress(incumbent: incumbent, bound: lastBound, gap: gap, elapsed: now, activeNodes: Int(active)))
    }

    func solution(_ status: SolveStatus, objective: Double? = nil, bound: Double? = nil, values: [Double] = [])
        -> Solution
    {
        var s = Solution(
            status: status, objective: objective, bestBound: bound, values: values, elapsed: elapsed,
            log: log, warmStartAccepted: warmStartAccepted)
        s.work = work
        // The returned solution is the last incumbent; the ones before it are the earlier ones.
        s.earlier = incumbents.reversed().filter { $0.values != values }.prefix(keptIncumbents).map { $0 }
        s.stoppedBy = status == .optimal || status == .infeasible || status == .unbounded ? nil : stoppedBy
        return s
    }
}
