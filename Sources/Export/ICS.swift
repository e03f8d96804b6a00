import Foundation

/// RFC 5545 text: CRLF line ends, lines folded at 75 octets without splitting a UTF-8 sequence,
/// TEXT values escaped, a VTIMEZONE built from the system's time-zone rules for the years in use.
package enum ICS {
    package struct Event: Sendable {
        package var uid: String
        package var sequence: Int
        /// Local date and minutes after midnight in the calendar's time zone.
        package var date: (year: Int, month: Int, day: Int)
        package var start: Int, end: Int
        package var summary: String
        package var description: String
        package var cancelled = false
        /// DTSTAMP: when this event last changed; nil for the calendar's own time.
        package var stamp: Date?
        /// LOCATION: the venue (or the online link when there is no venue).
        package var location: String?
        /// ORGANIZER: the programme's organiser.
        package var organizer: (name: String, email: String)?
        /// ATTENDEE: the facilitator (chair) and the members; nobody is asked to reply.
        package var attendees: [(name: String, email: String, chair: Bool)] = []
        /// A VALARM two days before, with this text (the case bringer's reminder to prepare).
        package var reminder: String?
        package init(
            uid: String, sequence: Int, date: (year: Int, month: Int, day: Int), start: Int, end: Int, summary: String,
            description: String,
            cancelled: Bool = false, stamp: Date? = nil
        ) {
            self.uid = uid
            self.sequence = sequence
            self.date = date
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.cancelled = cancelled
            self.stamp = stamp
        }
    }

    /// A calendar file; `owner` (a personal calendar's participant) is written as `X-INTERVISION-PARTICIPANT`, so
    /// checks and scripts can tell whose file it is.
    package static func calendar(name: String, timeZone: String, stamp: Date, events: [Event], owner: String? = nil)
        -> String
    {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Intervision//Intervision planner//EN", "CALSCALE:GREGORIAN",
        ]
        // An iTIP PUBLISH message may not list attendees (RFC 5546, 3.2.1); a calendar file without METHOD may.
        if events.allSatisfy({ $0.attendees.isEmpty }) { lines.append("METHOD:PUBLISH") }
        lines += ["X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:" + timeZone]
        if let owner { lines.append("X-INTERVISION-PARTICIPANT:mailto:" + owner) }
        let years = events.map(\.date.year)
        if let lo = years.min(), let hi = years.max() { lines += vtimezone(timeZone, years: lo...hi) }
        for e in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + e.uid, "DTSTAMP:" + utc(e.stamp ?? stamp), "SEQUENCE:\(e.sequence)",
                "DTSTART;TZID=\(timeZone):" + local(e.date, e.start), "DTEND;TZID=\(timeZone):" + local(e.date, e.end),
                "SUMMARY:" + escape(e.summary), "DESCRIPTION:" + escape(e.description),
            ]
            if let location = e.location { lines.append("LOCATION:" + escape(location)) }
            if let o = e.organizer { lines.append("ORGANIZER;CN=\(parameter(o.name)):mailto:\(o.email)") }
            for a in e.attendees {
                lines.append(
                    "ATTENDEE;CN=\(parameter(a.name));ROLE=\(a.chair ? "CHAIR" : "REQ-PARTICIPANT");"
                        + "PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:\(a.email)")
            }
            lines += ["STATUS:" + (e.cancelled ? "CANCELLED" : "CONFIRMED"), "TRANSP:OPAQUE"]
            if let reminder = e.reminder, !e.cancelled {
                lines += [
                    "BEGIN:VALARM", "ACTION:DISPLAY", "TRIGGER:-P2D", "DESCRIPTION:" + escape(reminder), "END:VALARM",
                ]
            }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    /// Continuation lines begin with a space, so they carry at most 74 octets of content.
    static func fold(_ line: String) -> String {
        // Counted in UTF-8 bytes; a break goes before a scalar's first byte, never inside its bytes.
        let utf8 = line.utf8
        guard utf8.count > 75 else { return line }
        var bytes: [UInt8] = [], count = 0
        bytes.reserveCapacity(utf8.count + utf8.count / 70 * 3)
        var scalar: [UInt8] = []
        func flush() {
            if count + scalar.count > 75 {
                bytes += [13, 10, 32]
                count = 1
            }
            bytes += scalar
            count += scalar.count
            scalar.removeAll(keepingCapacity: true)
        }
        for b in utf8 {
            if b & 0xC0 != 0x80 && !scalar.isEmpty { flush() }
            scalar.append(b)
        }
        if !scalar.isEmpty { flush() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// RFC 5545 TEXT: backslash, `;` and `,` escaped, line breaks as `\n`; other control characters, which
    /// TEXT may not hold, are dropped (intake refuses them, so this only guards against a damaged plan file).
    static func escape(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for c in s.unicodeScalars {
            defer { previous = c }
            switch c {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case ";": out.append(contentsOf: "\\;".unicodeScalars)
            case ",": out.append(contentsOf: "\\,".unicodeScalars)
            case "\r": out.append(contentsOf: "\\n".unicodeScalars)
            // CRLF is one line break: its LF was written with the CR.
            case "\n": if previous != "\r" { out.append(contentsOf: "\\n".unicodeScalars) }
            default: if c.value >= 0x20 && c.value != 0x7F { out.append(c) }
            }
        }
        return String(out)
    }

    /// A parameter value (CN): quoted, since names may hold `,` `;` or `:`; DQUOTE itself cannot be quoted, so
    /// it becomes a single quote, and control characters are dropped (RFC 5545, 3.1: param-value).
    static func parameter(_ s: String) -> String {
        var scalars = String.UnicodeScalarView()
        for ch in s.unicodeScalars where ch.value >= 0x20 && ch.value != 0x7F {
            scalars.append(ch == "\"" ? "'" : ch)
        }
        return "\"" + String(scalars) + "\""
    }

    static func pad(_ n: Int, _ width: Int = 2) -> String {
        String(repeating: "0", count: max(0, width - String(n).count)) + String(n)
    }

    static func local(_ d: (year: Int, month: Int, day: Int), _ minutes: Int) -> String {
        // A meeting ending after midnight is not planned (see Scheduler.stagger), so the date stays.
        "\(pad(d.year, 4))\(pad(d.month))\(pad(d.day))T\(pad(minutes / 60))\(pad(minutes % 60))00"
    }

    static func utc(_ date: Date) -> String {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let x = c.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return "\(pad(x.year!, 4))\(pad(x.month!))\(pad(x.day!))T\(pad(x.hour!))\(pad(x.minute!))\(pad(x.second!))Z"
    }

    /// One observance per transition in (and just before) the years used, without RRULE, so the
    /// calendar carries exactly the rules the plan was made with.
    static func vtimezone(_ identifier: String, years: ClosedRange<Int>) -> [String] {
        guard let tz = TimeZone(identifier: identifier) else { return [] }
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC")!
        let from = c.date(from: DateComponents(year: years.lowerBound - 1, month: 1, day: 1))!
        let to = c.date(from: DateComponents(year: years.upperBound + 1, month: 1, day: 1))!
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + identifier]
        var t = tz.nextDaylightSavingTimeTransition(after: from)
        var any = false
        while let transition = t, transition < to {
            let before = tz.secondsFromGMT(for: transition.addingTimeInterval(-1)),
                after = tz.secondsFromGMT(for: transition)
            let kind = tz.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            let wall = c.dateComponents(
                [.year, .month, .day, .hour, .minute, .second], from: transition.addingTimeInterval(Double(before)))
            lines += [
                "BEGIN:\(kind)",
                "DTSTART:\(pad(wall.year!, 4))\(pad(wall.month!))\(pad(wall.day!))"
                    + "T\(pad(wall.hour!))\(pad(wall.minute!))\(pad(wall.second!))",
                "TZOFFSETFROM:" + offset(before), "TZOFFSETTO:" + offset(after),
                "TZNAME:" + (tz.abbreviation(for: transition) ?? identifier), "END:\(kind)",
            ]
            any = true
            t = tz.nextDaylightSavingTimeTransition(after: transition)
        }
        if !any {
            let o = offset(tz.secondsFromGMT(for: from))
            lines += [
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + o, "TZOFFSETTO:" + o,
                "TZNAME:" + (tz.abbreviation(for: from) ?? identifier), "END:STANDARD",
            ]
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+", s = abs(seconds)
        return sign + pad(s / 3600) + pad(s % 3600 / 60)
    }
}
