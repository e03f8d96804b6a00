import Foundation
import HTTPTypes
import Hummingbird
import IntervisionKit
import NIOCore

/// The pages and their assets. Programme ids are checked by the workspace; anything else is a 404 page.
struct PageRoutes: Sendable {
    let app: AppState

    func register(on router: Router<BasicRequestContext>) {
        router.get("/assets/app.js") { _, _ in asset(Assets.script, "text/javascript; charset=utf-8") }
        router.get("/assets/app.css") { _, _ in asset(Assets.style, "text/css; charset=utf-8") }
        router.get("/assets/report.css") { _, _ in asset(Assets.reportStyle, "text/css; charset=utf-8") }
        router.get("/") { request, _ in
            await page(request, title: "Intervision") { l in Pages.programmes(l, await app.summaries()) }
        }
        router.get("/nieuw") { request, _ in
            await page(request, title: "Nieuw programma") { l in Pages.newProgramme(l) }
        }
        router.get("/programma/:id") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard app.workspace.folder(id) != nil else { return notFound(request) }
            let summary = await app.summary(id)
            let snapshot = try? app.snapshot(id)?.get()
            let job = await app.jobs.active(programme: id)
            return await page(request, title: summary.name, wide: true) { l in
                Pages.programme(l, id: id, summary: summary, check: app.check(id), snapshot: snapshot, job: job)
            }
        }
        router.get("/programma/:id/wijzigingen") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard case .success(let snapshot) = app.snapshot(id) else { return notFound(request) }
            let today = Self.firstChangeDay(snapshot)
            return await page(request, title: snapshot.plan.programme.config.name) { l in
                Pages.changes(l, id: id, snapshot, today: today)
            }
        }
        router.get("/programma/:id/kalender") { request, context in
            let id = context.parameters.get("id") ?? ""
            guard case .success(let snapshot) = app.snapshot(id) else { return notFound(request) }
            return await page(request, title: snapshot.plan.programme.config.name, wide: true) { l in
                Pages.calendar(l, id: id, snapshot)
            }
        }
    }

    /// The reader's language: `?lang=` switches and is remembered in a cookie; Dutch by default.
    static func language(_ request: Request) -> (Lang, switched: String?) {
        if let asked = request.uri.queryParameters.get("lang"), asked == "en" || asked == "nl" {
            return (Lang(english: asked == "en"), asked)
        }
        return (Lang(english: request.cookies["lang"]?.value == "en"), nil)
    }

    /// A page in the reader's language; a language switch is remembered and the address cleaned.
    func page(
        _ request: Request, title: String, wide: Bool = false, _ body: (Lang) async -> String
    ) async -> Response {
        let (l, switched) = Self.language(request)
        if let switched {
            var response = Response(status: .seeOther, headers: [.location: request.uri.path])
            response.setCookie(Cookie(name: "lang", value: switched, path: "/", httpOnly: true, sameSite: .strict))
            return response
        }
        return Pages.html(Pages.layout(l, title: title, path: request.uri.path, body: await body(l), wide: wide))
    }

    func notFound(_ request: Request) -> Response {
        let (l, _) = Self.language(request)
        let body =
            "<h1>" + l.t("Niet gevonden", "Not found") + "</h1><p>"
            + l.t(
                "Dit programma of deze pagina bestaat niet.", "This programme or page does not exist.")
            + " <a href=\"/\">" + l.t("Naar de programma's", "To the programmes") + "</a></p>"
        return Pages.html(
            Pages.layout(l, title: l.t("Niet gevonden", "Not found"), path: "/", body: body), status: .notFound)
    }

    func asset(_ data: Data, _ type: String) -> Response {
        Response(
            status: .ok, headers: [.contentType: type, .cacheControl: "no-cache"],
            body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The first day a change can take effect: today, but not before the programme's first day nor before
    /// the day the last change took effect (history before it is frozen).
    static func firstChangeDay(_ s: PlanSnapshot) -> Day {
        var day = today(s.plan.programme.config.timezone)
        if let first = s.plan.programme.config.schedule.firstDate, day < first { day = first }
        if let last = s.history.compactMap(\.from).max(), day < last { day = last }
        return day
    }

    /// Today in the programme's time zone.
    static func today(_ zone: String) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: zone) ?? TimeZone(identifier: "Europe/Amsterdam")!
        let c = calendar.dateComponents([.year, .month, .day], from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!) ?? Day(ordinal: 0)
    }
}
