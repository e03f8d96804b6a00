/// A decision variable of a `Model`: an index into the model's columns.
package struct Variable: Hashable, Sendable, Comparable {
    package let index: Int
    package static func < (a: Variable, b: Variable) -> Bool { a.index < b.index }
}

package enum VariableKind: Sendable, Equatable {
    case continuous, integer, binary
}

/// Σ coefficient · variable + constant, as a plain value.
package struct LinearExpression: Sendable, Equatable {
    package var terms: [(variable: Variable, coefficient: Double)]
    package var constant: Double

    package init(_ terms: [(Variable, Double)] = [], constant: Double = 0) {
        self.terms = terms.map { (variable: $0.0, coefficient: $0.1) }
        self.constant = constant
    }

    package static func == (a: LinearExpression, b: LinearExpression) -> Bool {
        a.constant == b.constant && a.terms.count == b.terms.count
            && zip(a.terms, b.terms).allSatisfy { $0.variable == $1.variable && $0.coefficient == $1.coefficient }
    }

    /// Σ of the given variables, each with coefficient 1.
    package static func sum<S: Sequence>(_ variables: S) -> LinearExpression where S.Element == Variable {
        LinearExpression(variables.map { ($0, 1.0) })
    }

    /// Terms with the same variable merged and zero coefficients dropped, in variable order.
    /// GLPK rejects duplicate indices in a row with abort(), so every row passes through here.
    package var normalized: [(variable: Variable, coefficient: Double)] {
        var merged: [Variable: Double] = [:]
        for t in terms { merged[t.variable, default: 0] += t.coefficient }
        return merged.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map {
            (variable: $0.key, coefficient: $0.value)
        }
    }

    package func value(at x: [Double]) -> Double {
        terms.reduce(constant) { $0 + $1.coefficient * x[$1.variable.index] }
    }
}

package func + (a: LinearExpression, b: LinearExpression) -> LinearExpression {
    var r = a
    r.terms += b.terms
    r.constant += b.constant
    return r
}
package func + (a: LinearExpression, b: Variable) -> LinearExpression { a + LinearExpression([(b, 1)]) }
package func + (a: Variable, b: Variable) -> LinearExpression { LinearExpression([(a, 1), (b, 1)]) }
package func + (a: LinearExpression, c: Double) -> LinearExpression {
    var r = a
    r.constant += c
    return r
}
package func * (c: Double, v: Variable) -> LinearExpression { LinearExpression([(v, c)]) }
package func * (c: Double, e: LinearExpression) -> LinearExpression {
    LinearExpression(e.terms.map { ($0.variable, c * $0.coefficient) }, constant: c * e.constant)
}
package func - (a: LinearExpression, b: LinearExpression) -> LinearExpression { a + (-1.0) * b }
package func - (a: LinearExpression, b: Variable) -> LinearExpression { a + LinearExpression([(b, -1)]) }
package func - (a: Variable, b: Variable) -> LinearExpression { LinearExpression([(a, 1), (b, -1)]) }

package enum Relation: Sendable, Equatable {
    case lessOrEqual, greaterOrEqual, equal
}

package struct Constraint: Sendable, Equatable {
    package var name: String
    package var expression: LinearExpression
    package var relation: Relation
    package var rhs: Double
}

package enum Sense: Sendable, Equatable { case minimize, maximize }

/// A mixed-integer linear program as plain data. Building it never touches GLPK;
/// `Solver.solve` validates it completely before the first `glp_*` call.
package struct Model: Sendable {
    package struct Column: Sendable, Equatable {
        package var name: String
        package var lowerBound: Double
        package var upperBound: Double
        package var kind: VariableKind
    }

    package private(set) var columns: [Column] = []
    package private(set) var constraints: [Constraint] = []
    package var objective = LinearExpression()
    package var sense = Sense.minimize
    package var name: String

    package init(name: String = "model") { self.name = name }

    /// Bounds may be infinite (`-.infinity` / `.infinity`). A binary variable is an integer in [0, 1].
    @discardableResult
    package mutating func addVariable(
        _ name: String = "", kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity
    ) -> Variable {
        let (lb, ub) = kind == .binary ? (max(lowerBound, 0), min(upperBound, 1)) : (lowerBound, upperBound)
        columns.append(Column(name: name, lowerBound: lb, upperBound: ub, kind: kind))
        return Variable(index: columns.count - 1)
    }

    package mutating func add(_ expression: LinearExpression, _ relation: Relation, _ rhs: Double, name: String = "") {
        constraints.append(Constraint(name: name, expression: expression, relation: relation, rhs: rhs))
    }

    /// Rows that make `variables` take one value; where one of them does not exist (nil), the others are 0.
    package mutating func addAllEqual(_ variables: [Variable?], name: String = "") {
        let present = variables.compactMap { $0 }
        if present.count < variables.count {
            for v in present { add(LinearExpression([(v, 1)]), .equal, 0, name: name) }
        } else {
            for v in present.dropFirst() { add(v - present[0], .equal, 0, name: name) }
        }
    }

    package mutating func minimize(_ e: LinearExpression) {
        objective = e
        sense = .minimize
    }
    package mutating func maximize(_ e: LinearExpression) {
        objective = e
        sense = .maximize
    }

    package var variableCount: Int { columns.count }

    /// The same model with every variable continuous: its LP relaxation.
    package var relaxation: Model {
        var r = self
        for j in r.columns.indices { r.columns[j].kind = .continuous }
        return r
    }

    /// The model without the columns `drop` marks (held at 0): their terms leave every row and the objective,
    /// and rows left without a term are dropped when 0 satisfies them. Also returns, per kept column, its index
    /// here, so a solution maps back.
    package func without(_ drop: [Bool]) -> (model: Model, kept: [Int]) {
        var r = Model(name: name)
        var newIndex = [Int?](repeating: nil, count: columns.count)
        var kept: [Int] = []
        for (j, c) in columns.enumerated() where !drop[j] {
            newIndex[j] = r.columns.count
            kept.append(j)
            r.columns.append(c)
        }
        func map(_ e: LinearExpression) -> LinearExpression {
            LinearExpression(
                e.terms.compactMap { t in newIndex[t.variable.index].map { (Variable(index: $0), t.coefficient) } },
                constant: e.constant)
        }
        for row in constraints {
            let e = map(row.expression)
            let zeroFits =
                switch row.relation {
                case .lessOrEqual: e.constant <= row.rhs + 1e-9
                case .greaterOrEqual: e.constant >= row.rhs - 1e-9
                case .equal: abs(e.constant - row.rhs) <= 1e-9
                }
            if e.terms.isEmpty && zeroFits { continue }
            r.constraints.append(Constraint(name: row.name, expression: e, relation: row.relation, rhs: row.rhs))
        }
        r.objective = map(objective)
        r.sense = sense
        return (r, kept)
    }

    /// The first constraint or bound `x` breaks, or nil when `x` is feasible (integrality included).
    package func violation(of x: [Double], tolerance: Double = 1e-6) -> String? {
        guard x.count == columns.count else { return "has \(x.count) values for \(columns.count) variables" }
        for (j, c) in columns.enumerated() {
            let v = x[j]
            if !v.isFinite { return "value of \(label(j)) is not finite" }
            if v < c.lowerBound - tolerance || v > c.upperBound + tolerance {
                return "value \(v) of \(label(j)) is outside [\(c.lowerBound), \(c.upperBound)]"
            }
            if c.kind != .continuous, abs(v - v.rounded()) > tolerance {
                return "value \(v) of integer \(label(j)) is fractional"
            }
        }
        for (i, row) in constraints.enumerated() {
            let lhs = row.expression.value(at: x) - row.expression.constant
            let rhs = row.rhs - row.expression.constant
            let ok: Bool =
                switch row.relation {
                case .lessOrEqual: lhs <= rhs + tolerance
                case .greaterOrEqual: lhs >= rhs - tolerance
                case .equal: abs(lhs - rhs) <= tolerance
                }
            if !ok { return "constraint \(row.name.isEmpty ? "#\(i + 1)" : row.name) is violated (\(lhs) vs \(rhs))" }
        }
        return nil
    }

    func label(_ j: Int) -> String { columns[j].name.isEmpty ? "x\(j + 1)" : columns[j].name }
}

package func - (a: Variable, b: LinearExpression) -> LinearExpression { LinearExpression([(a, 1)]) - b }
package func + (a: Variable, b: LinearExpression) -> LinearExpression { LinearExpression([(a, 1)]) + b }
