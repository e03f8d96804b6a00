import IntervisionKit

/// The new-programme page: the files, and a config form with the defaults filled in.
extension Pages {
    static func newProgramme(_ l: Lang) -> String {
        let d = ProgrammeConfig()
        func field(
            _ name: String, _ label: String, _ value: String, type: String = "text", hint: String = "",
            extra: String = ""
        ) -> String {
            let hintID = hint.isEmpty ? "" : " aria-describedby=\"h-\(name)\""
            return "<div class=\"field\"><label for=\"f-\(name)\">\(esc(label))</label>"
                + "<input id=\"f-\(name)\" name=\"cfg_\(name)\" type=\"\(type)\""
                + " value=\"\(esc(value))\"\(hintID)\(extra)>"
                + (hint.isEmpty ? "" : "<small id=\"h-\(name)\">\(esc(hint))</small>") + "</div>"
        }
        func file(_ name: String, _ label: String, _ hint: String, required: Bool = false) -> String {
            "<div class=\"field file\"><label for=\"u-\(name)\">\(esc(label))\(required ? " *" : "")</label>"
                + "<input id=\"u-\(name)\" name=\"\(name)\" type=\"file\" accept=\".csv,.xlsx,.txt,.tsv\""
                + "\(required ? " required" : "") aria-describedby=\"uh-\(name)\">"
                + "<small id=\"uh-\(name)\">\(esc(hint))</small></div>"
        }
        let ruleNames: [(String, String)] = [
            ("school", l.t("zelfde school", "same school")),
            ("hierarchy", l.t("leidinggevende en medewerker", "manager and report")),
            ("competitors", l.t("concurrerende scholen", "competing schools")),
            ("board", l.t("zelfde bestuur", "same board")), ("town", l.t("zelfde plaats", "same town")),
        ]
        let dayNames = [
            l.t("ma", "Mon"), l.t("di", "Tue"), l.t("wo", "Wed"), l.t("do", "Thu"), l.t("vr", "Fri"), l.t("za", "Sat"),
            l.t("zo", "Sun"),
        ]
        let chosen = Set(d.schedule.weekdays.map(\.rawValue))
        let separated = Set(d.separate.map(\.rawValue))
        var h: [String] = []
        h.append("<h1>" + l.t("Nieuw programma", "New programme") + "</h1>")
        h.append(
            "<p class=\"lead\">"
                + l.t(
                    "Kies het bestand met de aanmeldingen (CSV of Excel). De invoer wordt meteen gecontroleerd; elk "
                        + "probleem staat hieronder met de regel waar het zit.",
                    "Choose the sign-ups file (CSV or Excel). It is checked at once; every problem is listed below "
                        + "with the row it is on.") + "</p>")
        h.append(
            "<form id=\"new-programme\" class=\"stack\" method=\"post\" action=\"/api/programmes\" "
                + "enctype=\"multipart/form-data\">"
        )
        h.append("<fieldset><legend>" + l.t("Bestanden", "Files") + "</legend>")
        h.append(
            file(
                "signups", l.t("Aanmeldingen", "Sign-ups"),
                l.t("Eén rij per deelnemer: naam, e-mail, school, functie, regio …", "One row per participant"),
                required: true))
        h.append(
            file(
                "facilitators", l.t("Begeleiders (optioneel)", "Facilitators (optional)"),
                l.t("Naam, e-mail, regio, max_groups", "Name, email, region, max_groups")))
        h.append(
            file(
                "wishes", l.t("Wensen (optioneel)", "Wishes (optional)"),
                l.t("soort (niet_samen, samen, begeleider, niet_begeleider), persoon, ander", "kind, person, other")))
        h.append(
            "<div class=\"field file\"><label for=\"u-config\">"
                + l.t("Instellingen als TOML (optioneel)", "Settings as TOML (optional)")
                + "</label><input id=\"u-config\" name=\"config\" type=\"file\" accept=\".toml,.txt\" "
                + "aria-describedby=\"uh-config\"><small id=\"uh-config\">"
                + l.t("Laat leeg om het formulier hieronder te gebruiken.", "Leave empty to use the form below.")
                + "</small></div></fieldset>")
        h.append("<fieldset><legend>" + l.t("Programma", "Programme") + "</legend>")
        h.append(field("name", l.t("Naam", "Name"), "", extra: " maxlength=\"200\""))
        h.append(
            "<div class=\"field\"><label for=\"f-language\">"
                + l.t("Taal van agenda's en rapport", "Language of calendars and report")
                + "</label><select id=\"f-language\" name=\"cfg_language\"><option value=\"nl\">Nederlands</option>"
                + "<option value=\"en\">English</option></select></div>")
        h.append(field("organiser", l.t("Organisator (Naam <e-mail>)", "Organiser (Name <email>)"), ""))
        h.append("</fieldset><fieldset><legend>" + l.t("Groepen", "Groups") + "</legend><div class=\"row\">")
        h.append(
            field(
                "min_size", l.t("Kleinste groep", "Smallest group"), "\(d.groups.minSize)", type: "number",
                extra: " min=\"2\" max=\"50\""))
        h.append(
            field(
                "target_size", l.t("Streefgrootte", "Target size"), "\(d.groups.targetSize)", type: "number",
                extra: " min=\"2\" max=\"50\""))
        h.append(
            field(
                "max_size", l.t("Grootste groep", "Largest group"), "\(d.groups.maxSize)", type: "number",
                extra: " min=\"2\" max=\"50\""))
        h.append(
            "</div><fieldset class=\"inner\"><legend>" + l.t("Nooit samen in een groep", "Never together in a group")
                + "</legend>")
        h.append("<input type=\"hidden\" name=\"cfg_rules_given\" value=\"1\">")
        for (rule, label) in ruleNames {
            h.append(
                "<label class=\"check\"><input type=\"checkbox\" name=\"cfg_separate\" value=\"\(rule)\""
                    + (separated.contains(rule) ? " checked" : "") + "> \(esc(label))</label>")
        }
        h.append("</fieldset>")
        h.append(
            field(
                "priorities", l.t("Volgorde van de doelen", "Order of the objectives"),
                d.priorities.map(\.rawValue).joined(separator: ", "),
                hint: l.t(
                    "region = eigen regio, level = gelijk speelveld, variety = verschillende functies; "
                        + "de eerste telt het zwaarst",
                    "region = own region, level = level playing field, variety = varied functions; "
                        + "the first counts most"
                )))
        h.append("</fieldset><fieldset><legend>" + l.t("Bijeenkomsten", "Meetings") + "</legend><div class=\"row\">")
        h.append(field("first_date", l.t("Eerste dag", "First day"), "", type: "date"))
        h.append(field("last_date", l.t("Laatste dag", "Last day"), "", type: "date"))
        h.append(
            field(
                "meetings", l.t("Aantal bijeenkomsten", "Number of meetings"), "\(d.schedule.meetings)", type: "number",
                extra: " min=\"1\" max=\"52\""))
        h.append("</div><div class=\"row\">")
        h.append(
            field(
                "min_weeks_between", l.t("Minstens weken ertussen", "At least weeks apart"),
                "\(d.schedule.minWeeksBetween)", type: "number", extra: " min=\"1\" max=\"52\""))
        h.append(
            field(
                "max_weeks_between", l.t("Hoogstens weken ertussen", "At most weeks apart"),
                "\(d.schedule.maxWeeksBetween)", type: "number", extra: " min=\"1\" max=\"52\""))
        let start = String(format: "%02d:%02d", d.schedule.startMinutes / 60, d.schedule.startMinutes % 60)
        h.append(field("start_time", l.t("Begintijd", "Start time"), start, type: "time"))
        h.append(
            field(
                "duration_minutes", l.t("Duur (minuten)", "Duration (minutes)"), "\(d.schedule.durationMinutes)",
                type: "number", extra: " min=\"15\" max=\"720\""))
        h.append("</div><fieldset class=\"inner\"><legend>" + l.t("Weekdagen", "Weekdays") + "</legend>")
        for (i, day) in ConfigForm.weekdays.enumerated() {
            h.append(
                "<label class=\"check\"><input type=\"checkbox\" name=\"cfg_weekdays\" value=\"\(day)\""
                    + (chosen.contains(day) ? " checked" : "") + "> \(dayNames[i])</label>")
        }
        h.append("</fieldset>")
        h.append(
            field(
                "location", l.t("Locatie (voor alle groepen)", "Venue (for every group)"), "",
                extra: " maxlength=\"300\""))
        h.append(
            field("online", l.t("Link voor online deelname (optioneel)", "Video-call link (optional)"), "", type: "url")
        )
        h.append("</fieldset>")
        h.append(
            "<p><button type=\"submit\" class=\"primary\">" + l.t("Controleren en opslaan", "Check and save")
                + "</button></p>")
        h.append("</form>")
        h.append("<div id=\"problems\" role=\"alert\" aria-live=\"assertive\"></div>")
        return h.joined(separator: "\n")
    }
}
