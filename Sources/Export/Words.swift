import Grouping
import Intake

/// Text for people in the programme's language (`[programme] language`, Dutch by default): every report,
/// spreadsheet and mail text picks its words here, so a sentence exists once in each language side by side.
struct Words {
    let language: ProgrammeConfig.Language

    /// Dutch or English.
    func t(_ nl: String, _ en: String) -> String { language == .nl ? nl : en }

    /// "1 groep" / "3 groepen".
    func count(_ n: Int, _ nlOne: String, _ nlMany: String, _ enOne: String, _ enMany: String) -> String {
        "\(n) " + (n == 1 ? t(nlOne, enOne) : t(nlMany, enMany))
    }

    /// What a hard rule keeps apart, for a pair.
    func explanation(_ rule: Rule) -> String { t(rule.dutchExplanation, rule.explanation) }

    /// What an objective's metric counts: "58 buiten eigen regio".
    func counts(_ objective: Objective, _ n: Int) -> String { t(objective.dutchCounts(n), objective.counts(n)) }

    /// The objective as organisers name it.
    func name(_ objective: Objective) -> String {
        switch objective {
        case .region: t("eigen regio", "own region")
        case .level: t("gelijk speelveld (niveau)", "level playing field")
        case .variety: t("verschillende functies", "varied functions")
        }
    }
}
