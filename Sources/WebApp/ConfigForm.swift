import Foundation
import IntervisionKit

/// The new-programme page's config form as a TOML file the config reader checks like any other: only the fields
/// filled in are written, so what is left empty keeps the documented default.
enum ConfigForm {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    static let rules = ["school", "hierarchy", "competitors", "board", "town"]
    static let objectives = ["region", "level", "variety"]

    /// The TOML, or nil when the form has no config fields.
    static func toml(_ form: [String: [String]]) -> InputFile? {
        func one(_ key: String) -> String? {
            form[key]?.last.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        guard form.keys.contains(where: { $0.hasPrefix("cfg_") }) else { return nil }
        var lines = ["# Written by the web app's new-programme form.", "[programme]"]
        if let v = one("cfg_name") { lines.append("name = \(quote(v))") }
        if let v = one("cfg_language") { lines.append("language = \(quote(v))") }
        if let v = one("cfg_organiser") { lines.append("organiser = \(quote(v))") }
        lines.append("timezone = \"Europe/Amsterdam\"")
        lines.append("[groups]")
        for key in ["min_size", "max_size", "target_size"] {
            if let v = one("cfg_" + key) { lines.append("\(key) = \(number(v))") }
        }
        lines.append("[rules]")
        let separate = (form["cfg_separate"] ?? []).filter(rules.contains)
        if form["cfg_rules_given"] != nil || !separate.isEmpty {
            lines.append("separate = [" + separate.map(quote).joined(separator: ", ") + "]")
        }
        if let v = one("cfg_priorities") {
            let list = v.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            lines.append("priorities = [" + list.map(quote).joined(separator: ", ") + "]")
        }
        lines.append("[schedule]")
        for key in ["first_date", "last_date"] {
            if let v = one("cfg_" + key) { lines.append("\(key) = \(date(v))") }
        }
        for key in ["meetings", "min_weeks_between", "max_weeks_between", "duration_minutes"] {
            if let v = one("cfg_" + key) { lines.append("\(key) = \(number(v))") }
        }
        let days = (form["cfg_weekdays"] ?? []).filter(weekdays.contains)
        if !days.isEmpty { lines.append("weekdays = [" + days.map(quote).joined(separator: ", ") + "]") }
        if let v = one("cfg_start_time") { lines.append("start_time = \(quote(v))") }
        if let v = one("cfg_location") { lines.append("location = \(quote(v))") }
        if let v = one("cfg_online") { lines.append("online = \(quote(v))") }
        return InputFile(name: "config.toml", data: Data((lines.joined(separator: "\n") + "\n").utf8))
    }

    /// A TOML basic string: what the user typed, escaped, so a quote or a newline cannot add a key.
    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\u%04X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// A whole number as typed, or the text quoted so the config reader names the field as not a number.
    static func number(_ s: String) -> String { Int(s).map(String.init) ?? quote(s) }

    /// A date as TOML's local date, or quoted so the reader reports it.
    static func date(_ s: String) -> String { Day(parsing: s) != nil && s.count == 10 ? s : quote(s) }
}
