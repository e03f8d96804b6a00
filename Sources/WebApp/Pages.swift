import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore

/// The pages, rendered on the server: plain HTML that works with the keyboard and a screen reader, one script
/// and one stylesheet of the app's own for what must happen without a reload (uploads, progress, previews).
enum Pages {
    /// A whole page around `body`.
    static func layout(_ l: Lang, title: String, path: String, body: String, wide: Bool = false) -> String {
        let other = l.english ? "nl" : "en"
        return """
            <!DOCTYPE html>
            <html lang="\(l.code)"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title)) — Intervision</title>
            <link rel="stylesheet" href="/assets/report.css"><link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/app.js" defer></script></head>
            <body class="app\(wide ? " wide" : "")">
            <a class="skip" href="#main">\(l.t("Naar de inhoud", "Skip to content"))</a>
            <header class="bar"><a class="brand" href="/">Intervision</a>
            <nav aria-label="\(l.t("Hoofdmenu", "Main menu"))"><a href="/">\(l.t("Programma's", "Programmes"))</a>
            <a href="/nieuw">\(l.t("Nieuw programma", "New programme"))</a></nav>
            <a class="lang" href="\(esc(path))?lang=\(other)" lang="\(other)">\
            \(l.english ? "Nederlands" : "English")</a>
            </header>
            <main id="main" tabindex="-1">
            \(body)
            </main></body></html>

            """
    }

    /// A short page with one message (errors before the app is reached: no token, wrong address).
    static func plain(_ status: HTTPResponse.Status, title: String, text: String) -> Response {
        let page = """
            <!DOCTYPE html><html lang="nl"><head><meta charset="utf-8"><title>\(esc(title))</title>
            <link rel="stylesheet" href="/assets/app.css"></head><body class="app"><main>
            <h1>\(esc(title))</h1><p>\(esc(text))</p></main></body></html>

            """
        return html(page, status: status)
    }

    static func html(_ text: String, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    /// The workspace's programmes.
    static func programmes(_ l: Lang, _ list: [APIModels.ProgrammeSummary]) -> String {
        var h = ["<h1>\(l.t("Programma's", "Programmes"))</h1>"]
        if list.isEmpty {
            h.append(
                "<p>" + l.t("Er is nog geen programma.", "There is no programme yet.") + " <a class=\"button\" "
                    + "href=\"/nieuw\">" + l.t("Begin een nieuw programma", "Start a new programme") + "</a></p>")
        } else {
            h.append(
                "<table class=\"list\"><caption class=\"sr\">" + l.t("Programma's", "Programmes") + "</caption>"
                    + "<thead><tr><th scope=\"col\">" + l.t("Programma", "Programme") + "</th><th scope=\"col\">"
                    + l.t("Deelnemers", "Participants") + "</th><th scope=\"col\">" + l.t("Versie", "Version")
                    + "</th><th scope=\"col\">" + l.t("Stand", "Status") + "</th></tr></thead><tbody>")
            for p in list {
                h.append(
                    "<tr><td><a href=\"/programma/\(esc(p.id))\">\(esc(p.name))</a></td><td class=\"num\">"
                        + "\(p.participants)</td><td class=\"num\">\(p.version.map(String.init) ?? "–")</td>"
                        + "<td>\(status(l, p.status))</td></tr>")
            }
            h.append("</tbody></table>")
            h.append("<p><a class=\"button\" href=\"/nieuw\">" + l.t("Nieuw programma", "New programme") + "</a></p>")
        }
        return h.joined(separator: "\n")
    }

    /// A programme's status in words, as a coloured label.
    static func status(_ l: Lang, _ status: String) -> String {
        let text =
            switch status {
            case "new": l.t("nog niet gepland", "not planned yet")
            case "planning": l.t("wordt gepland", "being planned")
            case "planned": l.t("gepland, nog niet verstuurd", "planned, not sent yet")
            case "published": l.t("verstuurd, loopt", "sent, running")
            case "invalid": l.t("invoer klopt niet", "input has problems")
            default: status
            }
        return "<span class=\"state s-\(esc(status))\">\(esc(text))</span>"
    }
}
