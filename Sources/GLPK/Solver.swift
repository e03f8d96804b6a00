import CGLPK

/// The one narrow entry point to GLPK. A call creates a problem, solves it and deletes it on the
/// calling thread, synchronously: GLPK objects belong to the thread that made them.
package enum Solver {
    /// Simplex iterations between two looks at the clock and the cancellation flag.
    static let simplexSlice: Int32 = 5_000

    package static func solve(_ model: Model, options: SolverOptions = SolverOptions()) throws(GLPKError) -> Solution {
        try Validation.check(model)
        try Validation.check(options, model: model)
        let context = SearchContext(model: model, options: options)
        let solution = try withExtendedLifetime(context) { () throws(GLPKError) -> Solution in
            try run(model, options, context)
        }
        options.ledger?.spend(solution.work.units)
        return solution
    }

    private static func run(_ model: Model, _ options: SolverOptions, _ ctx: SearchContext) throws(GLPKError)
        -> Solution
    {
        let info = Unmanaged.passUnretained(ctx).toOpaque()
        glp_term_hook(
            { info, text in
                guard let info, let text else { return 1 }
                Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().appendLog(String(cString: text))
                return 1
            }, info)
        let prob = glp_create_prob()
        defer {
            glp_delete_prob(prob)
            glp_term_hook(nil, nil)
            glp_free_env()
        }
        load(model, into: prob)

        var smcp = glp_smcp()
        glp_init_smcp(&smcp)
        smcp.msg_lev = options.captureLog ? GLP_MSG_ERR : GLP_MSG_OFF
        smcp.presolve = GLP_OFF
        // GLPK cannot be interrupted inside the simplex, so it runs in slices of a fixed number of iterations
        // and resumes from its basis: a cancelled run or a spent time limit stops within one slice. A count,
        // not a clock, decides where the slices end, so the pivots are the same on any machine.
        smcp.it_lim = Solver.simplexSlice
        var lpReturn = glp_simplex(prob, &smcp)
        while lpReturn == GLP_EITLIM {
            if ctx.shouldStop(iterations: Int(glp_get_it_cnt(prob))) {
                return stoppedBeforeTheSearch(model, options, ctx)
            }
            lpReturn = glp_simplex(prob, &smcp)
        }
        ctx.finish(iterations: Int(glp_get_it_cnt(prob)), timeLimitReturn: false)
        guard lpReturn == 0 else { throw .solverFailed("simplex returned code \(lpReturn)") }
        switch glp_get_status(prob) {
        case GLP_OPT: break
        case GLP_NOFEAS: return ctx.solution(.infeasible)
        case GLP_UNBND: return ctx.solution(.unbounded)
        default: throw .solverFailed("LP relaxation ended with status \(glp_get_status(prob))")
        }
        if !model.columns.contains(where: { $0.kind != .continuous }) {
            let x = (0..<model.columns.count).map { glp_get_col_prim(prob, Int32($0 + 1)) }
            let z = glp_get_obj_val(prob)
            return ctx.solution(.optimal, objective: z, bound: z, values: x)
        }

        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        configure(&iocp, options, elapsedSoFar: ctx.elapsed)
        iocp.cb_info = info
        iocp.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<SearchContext>.fromOpaque(info).takeUnretainedValue().callback(tree)
        }
        let mipReturn = glp_intopt(prob, &iocp)
        ctx.finish(iterations: Int(glp_get_it_cnt(prob)), timeLimitReturn: mipReturn == GLP_ETMLIM)
        let mipStatus = glp_mip_status(prob)
        let hasIncumbent = mipStatus == GLP_OPT || mipStatus == GLP_FEAS
        let x = hasIncumbent ? (0..<model.columns.count).map { glp_mip_col_val(prob, Int32($0 + 1)) } : []
        let z = hasIncumbent ? glp_mip_obj_val(prob) : nil

        switch mipReturn {
        case 0 where mipStatus == GLP_OPT:
            return ctx.solution(.optimal, objective: z, bound: z, values: x)
        case 0 where mipStatus == GLP_NOFEAS, GLP_ENOPFS, GLP_ENODFS:
            return ctx.solution(.infeasible)
        case GLP_ETMLIM, GLP_ESTOP, GLP_EMIPGAP:
            return hasIncumbent
                ? ctx.solution(.feasible, objective: z, bound: ctx.lastBound, values: x)
                : stoppedBeforeTheSearch(model, options, ctx, bound: ctx.lastBound)
        default:
            throw .solverFailed("glp_intopt returned code \(mipReturn) with MIP status \(mipStatus)")
        }
    }

    /// Stopped before any incumbent (inside the root LP, or before GLPK asked for the start): a search given a
    /// feasible start still answers with that start (checked feasible by `Validation`), so a caller with a plan in
    /// hand never loses it to a small work limit.
    private static func stoppedBeforeTheSearch(
        _ model: Model, _ options: SolverOptions, _ ctx: SearchContext, bound: Double? = nil
    ) -> Solution {
        guard let x = options.warmStart, model.columns.contains(where: { $0.kind != .continuous }) else {
            return ctx.solution(.timeLimitNoSolution, bound: bound)
        }
        return ctx.solution(.feasible, objective: model.objective.value(at: x), bound: bound, values: x)
    }

    private static func load(_ model: Model, into prob: OpaquePointer?) {
        glp_set_prob_name(prob, model.name)
        glp_set_obj_dir(prob, model.sense == .minimize ? GLP_MIN : GLP_MAX)
        let n = model.columns.count, m = model.constraints.count
        glp_add_cols(prob, Int32(n))
        for (j, c) in model.columns.enumerated() {
            let col = Int32(j + 1)
            if !c.name.isEmpty { glp_set_col_name(prob, col, c.name) }
            if c.kind != .continuous { glp_set_col_kind(prob, col, GLP_IV) }
            let (type, lb, ub) = boundType(c.lowerBound, c.upperBound)
            glp_set_col_bnds(prob, col, type, lb, ub)
        }
        glp_set_obj_coef(prob, 0, model.objective.constant)
        for t in model.objective.normalized { glp_set_obj_coef(prob, Int32(t.variable.index + 1), t.coefficient) }
        guard m > 0 else { return }
        glp_add_rows(prob, Int32(m))
        // 1-based triplets with a dummy element at index 0, as glp_load_matrix expects.
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        for (i, row) in model.constraints.enumerated() {
            let r = Int32(i + 1)
            if !row.name.isEmpty { glp_set_row_name(prob, r, row.name) }
            let rhs = row.rhs - row.expression.constant
            switch row.relation {
            case .lessOrEqual: glp_set_row_bnds(prob, r, GLP_UP, 0, rhs)
            case .greaterOrEqual: glp_set_row_bnds(prob, r, GLP_LO, rhs, 0)
            case .equal: glp_set_row_bnds(prob, r, GLP_FX, rhs, rhs)
            }
            for t in row.expression.normalized {
                ia.append(r)
                ja.append(Int32(t.variable.index + 1))
                ar.append(t.coefficient)
            }
        }
        glp_load_matrix(prob, Int32(ia.count - 1), ia, ja, ar)
    }

    private static func boundType(_ lb: Double, _ ub: Double) -> (Int32, Double, Double) {
        switch (lb.isFinite, ub.isFinite) {
        case (false, false): (GLP_FR, 0, 0)
        case (true, false): (GLP_LO, lb, 0)
        case (false, true): (GLP_UP, 0, ub)
        case (true, true): lb == ub ? (GLP_FX, lb, ub) : (GLP_DB, lb, ub)
        }
    }

    private static func configure(_ p: inout glp_iocp, _ o: SolverOptions, elapsedSoFar: Double) {
        p.msg_lev = o.captureLog ? GLP_MSG_ON : GLP_MSG_OFF
        p.br_tech =
            switch o.branching {
            case .firstFractional: GLP_BR_FFV
            case .lastFractional: GLP_BR_LFV
            case .mostFractional: GLP_BR_MFV
            case .driebeckTomlin: GLP_BR_DTH
            case .pseudocost: GLP_BR_PCH
            }
        p.bt_tech =
            switch o.backtracking {
            case .depthFirst: GLP_BT_DFS
            case .breadthFirst: GLP_BT_BFS
            case .bestLocalBound: GLP_BT_BLB
            case .bestProjection: GLP_BT_BPH
            }
        if let limit = o.timeLimit {
            // The LP relaxation already used part of the budget; GLPK's clock starts at glp_intopt.
            p.tm_lim = Int32(max(1, ((limit - elapsedSoFar) * 1000).rounded()))
        }
        p.mip_gap = o.relativeGap
        p.gmi_cuts = o.cuts.gomory ? GLP_ON : GLP_OFF
        p.mir_cuts = o.cuts.mir ? GLP_ON : GLP_OFF
        p.cov_cuts = o.cuts.cover ? GLP_ON : GLP_OFF
        p.clq_cuts = o.cuts.clique ? GLP_ON : GLP_OFF
        p.presolve = (o.presolve && o.warmStart == nil) ? GLP_ON : GLP_OFF
    }
}
