import Foundation
import Grouping
import Intake
import Scheduling

/// The report's charts, drawn as inline SVG so the file stays self-contained and works offline: the make-up of
/// every group (levels, who is from outside the home region, how many functions), the groups' meetings on one
/// timeline with the holidays behind them, and each facilitator's load against their maximum.
enum ReportCharts {
    static func html(_ v: PlanView) -> [String] {
        var h = ["<h2 id=\"overzicht\">" + v.words.t("Overzicht in beeld", "At a glance") + "</h2>"]
        h += composition(v)
        h += timeline(v)
        h += load(v)
        return h
    }

    /// Colours for levels 1, 2, 3…; beyond the sixth they repeat.
    static let levelColours = ["#8ecae6", "#219ebc", "#1d4f91", "#ffb703", "#fb8500", "#8e44ad"]
    static func colour(level: Int) -> String { levelColours[(level - 1) % levelColours.count] }

    static func composition(_ v: PlanView) -> [String] {
        let w = v.words, p = v.people, groups = v.result.groups
        guard !groups.isEmpty else { return [] }
        let cell = 18, step = 20, label = 42, rowHeight = 22
        let maxSize = groups.map(\.members.count).max()!
        let columnWidth = label + maxSize * step + 190
        let columns = groups.count > 16 ? 2 : 1
        let rows = (groups.count + columns - 1) / columns
        let width = columns * columnWidth, height = rows * rowHeight + 4
        var svg = svgOpen(
            width, height,
            title: w.t(
                "Samenstelling per groep: niveau per deelnemer, buiten eigen regio gemarkeerd",
                "Make-up per group: level per member, members from outside the home region marked"))
        for (n, g) in groups.enumerated() {
            let x0 = (n / rows) * columnWidth, y = (n % rows) * rowHeight + 2
            svg += "<text x=\"\(x0)\" y=\"\(y + 14)\" font-weight=\"600\">\(g.id)</text>"
            let members = g.members.sorted { (p[$0].level, $0) < (p[$1].level, $1) }
            for (k, i) in members.enumerated() {
                let x = x0 + label + k * step
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell)\" height=\"\(cell)\" rx=\"3\" "
                    + "fill=\"\(colour(level: p[i].level))\"><title>\(Report.e(v.label(i))) — "
                    + "\(Report.e(p[i].function)), \(w.t("niveau", "level")) \(p[i].level), \(Report.e(p[i].region))"
                    + "</title></rect>"
                if p[i].region != g.homeRegion {
                    svg +=
                        "<circle cx=\"\(x + cell / 2)\" cy=\"\(y + cell / 2)\" r=\"4\" fill=\"#fff\" "
                        + "stroke=\"#1f2933\" stroke-width=\"2\"/>"
                }
            }
            let functions = Set(g.members.map { Text.functionKey(p[$0].function) }).count
            let text = "\(g.homeRegion) · " + w.count(functions, "functie", "functies", "function", "functions")
            svg +=
                "<text x=\"\(x0 + label + maxSize * step + 6)\" y=\"\(y + 14)\" fill=\"#5f6b7a\">"
                + "\(Report.e(text))</text>"
        }
        svg += "</svg>"
        let levels = Set(p.indices.filter { v.groupOf[$0] != nil }.map { p[$0].level }).sorted()
        let legend =
            levels.map {
                "<i class=\"lv\((($0 - 1) % levelColours.count) + 1)\"></i>" + w.t("niveau", "level") + " \($0)"
            }
            .joined() + " <i class=\"k-away\"></i>"
            + w.t("buiten de eigen regio van de groep", "from outside the group's home region")
        return figure(w.t("Samenstelling per groep", "Make-up per group"), svg, legend: legend)
    }

    static func timeline(_ v: PlanView) -> [String] {
        let w = v.words
        let meetings = v.schedule.meetings
        guard !meetings.isEmpty, let first = meetings.map(\.date).min(), let last = meetings.map(\.date).max()
        else { return [] }
        let config = v.programme.config.schedule
        let start = min(config.firstDate ?? first, first), end = max(config.lastDate ?? last, last)
        let days = end.ordinal - start.ordinal + 1
        let label = 46, plot = 1000, top = 22, rowHeight = 14
        let ids =
            v.result.groups.map(\.id)
            + Array(Set(meetings.map(\.group)).subtracting(v.result.groups.map(\.id)))
            .sorted()
        let height = top + ids.count * rowHeight + 6
        func x(_ d: Day) -> Double { Double(label) + Double(d.ordinal - start.ordinal) * Double(plot) / Double(days) }
        let dayWidth = Double(plot) / Double(days)
        var svg = svgOpen(
            label + plot + 10, height,
            title: w.t("Tijdlijn: bijeenkomsten per groep", "Timeline: meetings per group"))
        // Holidays behind the dots: dark where every region is closed, light where some are.
        let calendar = HolidayCalendar.forConfig(config)
        var d = start
        while d <= end {
            let closures = calendar.entries.filter { $0.range.contains(d) }
            let regions = Set(closures.compactMap(\.region))
            let all = closures.contains { $0.region == nil } || regions.count == HolidayRegion.allCases.count
            if all || !regions.isEmpty {
                svg +=
                    "<rect x=\"\(fmt(x(d)))\" y=\"\(top - 4)\" width=\"\(fmt(dayWidth + 0.3))\" "
                    + "height=\"\(height - top)\" fill=\"\(all ? "#dfe3ea" : "#eef1f5")\"/>"
            }
            d = d.adding(days: 1)
        }
        var month = Day(year: start.year, month: start.month, day: 1)!
        while month <= end {
            let mx = max(x(month), Double(label))
            svg +=
                "<line x1=\"\(fmt(mx))\" y1=\"\(top - 6)\" x2=\"\(fmt(mx))\" y2=\"\(height)\" stroke=\"#d5dbe3\"/>"
                + "<text x=\"\(fmt(mx + 3))\" y=\"12\" fill=\"#5f6b7a\">\(v.dates.shortMonth(month.month)) "
                + "\(month.year % 100 < 10 ? "'0" : "'")\(month.year % 100)</text>"
            month =
                month.month == 12
                ? Day(year: month.year + 1, month: 1, day: 1)!
                : Day(
                    year: month.year, month: month.month + 1, day: 1)!
        }
        for (row, id) in ids.enumerated() {
            let y = top + row * rowHeight + rowHeight / 2
            svg += "<text x=\"0\" y=\"\(y + 4)\" font-weight=\"600\">\(id)</text>"
            svg += "<line x1=\"\(label)\" y1=\"\(y)\" x2=\"\(label + plot)\" y2=\"\(y)\" stroke=\"#eef1f5\"/>"
            for m in v.schedule.meetings(of: id) {
                let fill = m.cancelled ? "#fff\" stroke=\"#9aa5b1" : "#1d4f91"
                svg +=
                    "<circle cx=\"\(fmt(x(m.date) + dayWidth / 2))\" cy=\"\(y)\" r=\"4.5\" fill=\"\(fill)\">"
                    + "<title>\(id) \(m.number): \(v.dates.long(m.date)) \(v.dates.times(m.start, m.end))"
                    + (m.cancelled ? " — " + w.t("vervallen", "cancelled") : "") + "</title></circle>"
            }
        }
        svg += "</svg>"
        let legend =
            "<i class=\"k-meeting\"></i>" + w.t("bijeenkomst", "meeting")
            + (meetings.contains { $0.cancelled }
                ? "<i class=\"k-moved\"></i>"
                    + w.t("vervallen", "cancelled") : "")
            + "<i class=\"k-closed\"></i>"
            + w.t("feestdag of vakantie in alle regio's", "holiday in every region")
            + "<i class=\"k-partly\"></i>"
            + w.t("schoolvakantie in een deel van de regio's", "school holiday in some regions")
        return figure(w.t("Tijdlijn", "Timeline"), svg, legend: legend)
    }

    static func load(_ v: PlanView) -> [String] {
        let w = v.words
        guard let facilitators = v.programme.facilitators, !facilitators.isEmpty else { return [] }
        let label = 200, step = 22, rowHeight = 22
        let maxCap = max(facilitators.map(\.maxGroups).max() ?? 1, 1)
        let width = label + maxCap * step + 200, height = facilitators.count * rowHeight + 4
        var svg = svgOpen(
            width, height,
            title: w.t("Begeleiders: groepen tegenover hun maximum", "Facilitators: groups against their maximum"))
        for (row, f) in facilitators.enumerated() {
            let y = row * rowHeight + 2
            let mine = v.result.groups.map(\.id).filter { v.schedule.facilitatorOf[$0] == f.index }
            svg += "<text x=\"0\" y=\"\(y + 14)\">\(Report.e(f.name))</text>"
            for k in 0..<f.maxGroups {
                svg +=
                    "<rect x=\"\(label + k * step)\" y=\"\(y)\" width=\"18\" height=\"18\" rx=\"3\" "
                    + "fill=\"\(k < mine.count ? "#219ebc" : "#e8eaee")\"/>"
            }
            svg +=
                "<text x=\"\(label + maxCap * step + 6)\" y=\"\(y + 14)\" fill=\"#5f6b7a\">"
                + "\(mine.count)/\(f.maxGroups)\(mine.isEmpty ? "" : " · " + mine.joined(separator: ", "))</text>"
        }
        svg += "</svg>"
        let legend =
            "<i class=\"k-leads\"></i>" + w.t("groep die hij of zij begeleidt", "group they lead")
            + "<i class=\"k-room\"></i>" + w.t("ruimte tot max_groups", "room up to max_groups")
        return figure(w.t("Belasting van de begeleiders", "Facilitator load"), svg, legend: legend)
    }

    /// A chart under its heading with its legend below.
    static func figure(_ title: String, _ svg: String, legend: String) -> [String] {
        ["<h3>\(title)</h3>", "<div class=\"chart\">\(svg)</div><p class=\"legend\">\(legend)</p>"]
    }

    static func svgOpen(_ width: Int, _ height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) "
            + "\(height)\" role=\"img\" aria-label=\"\(Report.e(title))\" font-family=\"system-ui,sans-serif\" "
            + "font-size=\"12\"><title>\(Report.e(title))</title>"
    }

    /// Coordinates with one decimal, the same on every machine.
    static func fmt(_ x: Double) -> String { String(format: "%.1f", x) }
}
