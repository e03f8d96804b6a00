import Foundation
import HTTPTypes
import Hummingbird

/// What every request passes first: the `Host` header must name the address the server is bound to (so a page
/// on another site cannot reach it by DNS rebinding, 421), and the request must carry the token — as
/// `Authorization: Bearer`, as the cookie the first page load set, or once as `?token=` on a page load, which is
/// exchanged for that cookie (401 without). Every response gets the security headers.
struct Guard<Context: RequestContext>: RouterMiddleware {
    /// The token the server printed.
    let token: String
    /// `Host` values that name this server.
    let hosts: HostList

    static var cookieName: String { "intervision_token" }

    /// The strict policy of the app's own pages: nothing but its own scripts, styles and data.
    static var pagePolicy: String {
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response)
        async throws -> Response
    {
        guard let host = request.head.authority?.lowercased(), hosts.contains(host) else {
            return Self.secured(
                Pages.plain(
                    .misdirectedRequest, title: "Onbekend adres",
                    text: "Deze server antwoordt alleen op het adres dat intervision serve toonde."))
        }
        if let given = request.uri.queryParameters.get("token") {
            guard request.method == .get, Self.same(given, token) else { return Self.secured(unauthorized(request)) }
            // Exchange the token in the address for a cookie, and drop it from the address bar and history.
            var query = request.uri.queryParameters.filter { $0.key != "token" }.map { "\($0.key)=\($0.value)" }
            query.sort()
            let location = request.uri.path + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
            var response = Response(status: .seeOther, headers: [.location: location])
            response.setCookie(
                Cookie(name: Self.cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
            return Self.secured(response)
        }
        var authorised = false
        if let header = request.headers[.authorization], header.hasPrefix("Bearer ") {
            authorised = Self.same(String(header.dropFirst(7)), token)
        } else if let cookie = request.cookies[Self.cookieName] {
            authorised = Self.same(cookie.value, token)
        }
        guard authorised else { return Self.secured(unauthorized(request)) }
        return Self.secured(try await next(request, context))
    }

    func unauthorized(_ request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") {
            return API.error(
                .unauthorized, "unauthorized", "this server needs its token",
                fix: "send Authorization: Bearer TOKEN with the token intervision serve printed",
                dutch: (
                    "deze server vraagt om zijn token",
                    "open de link die intervision serve in het terminalvenster toonde (met ?token=…)"
                ))
        }
        return Pages.plain(
            .unauthorized, title: "Open de link met het token",
            text: "Open de link die intervision serve in het terminalvenster toonde (met ?token=…). "
                + "Zo kan alleen wie die link heeft de gegevens van de deelnemers zien.")
    }

    /// Compares in time independent of where the strings differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }

    /// Adds the security headers a response lacks: the page policy unless the handler set its own.
    static func secured(_ response: Response) -> Response {
        var r = response
        if r.headers[.contentSecurityPolicy] == nil { r.headers[.contentSecurityPolicy] = pagePolicy }
        r.headers[.xContentTypeOptions] = "nosniff"
        r.headers[.init("Referrer-Policy")!] = "no-referrer"
        r.headers[.init("X-Frame-Options")!] = "DENY"
        r.headers[.init("Cross-Origin-Opener-Policy")!] = "same-origin"
        r.headers[.init("Cross-Origin-Resource-Policy")!] = "same-origin"
        if r.headers[.cacheControl] == nil { r.headers[.cacheControl] = "no-store" }
        return r
    }
}
