import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TestFixtures
import Testing

@testable import WebApp

/// Token, host check, upload cap, paths that try to leave the workspace, escaping, and the headers.
@Suite struct SecurityTests {
    @Test func everyRouteNeedsTheToken() async throws {
        try await withServer { client, _ in
            for (uri, method) in [
                ("/api/programmes", HTTPRequest.Method.get), ("/api/programmes", .post), ("/", .get),
                ("/api/openapi.yaml", .get), ("/api/jobs/x", .get), ("/assets/app.js", .get),
            ] {
                try await client.execute(uri: uri, method: method) { r in
                    #expect(r.status == .unauthorized, "\(method) \(uri)")
                    #expect(r.headers[.contentSecurityPolicy] != nil)
                }
            }
            var wrong = auth
            wrong[.authorization] = "Bearer \(token.dropLast())x"
            let refused = try await client.execute(uri: "/api/programmes", method: .get, headers: wrong) { $0 }
            #expect(refused.status == .unauthorized)
            #expect(try object(refused)["error"] as? String == "unauthorized")
        }
    }

    @Test func theTokenInTheAddressBecomesAStrictCookie() async throws {
        try await withServer { client, _ in
            let cookie = try await client.execute(uri: "/nieuw?token=\(token)&lang=en", method: .get) { r in
                #expect(r.status == .seeOther)
                // The token leaves the address; other parameters stay.
                #expect(r.headers[.location] == "/nieuw?lang=en")
                let set = try #require(r.headers[.setCookie])
                #expect(set.contains("HttpOnly") && set.contains("SameSite=Strict") && set.contains("Path=/"))
                return String(set.split(separator: ";")[0])
            }
            try await client.execute(uri: "/nieuw", method: .get, headers: [.cookie: cookie]) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body).contains("Nieuw programma"))
            }
            try await client.execute(uri: "/?token=nope", method: .get) { #expect($0.status == .unauthorized) }
        }
    }

    /// The router test client sends `Host: localhost`; a server bound to port 8080 does not answer to it.
    @Test func aHostThatIsNotTheServersIsRefused() async throws {
        try await withServer(port: 8080) { client, _ in
            try await client.execute(uri: "/api/programmes", method: .get, headers: auth) { r in
                #expect(r.status == .misdirectedRequest)
            }
        }
        let hosts = HostList(host: "127.0.0.1", port: 8080)
        #expect(hosts.contains("127.0.0.1:8080") && hosts.contains("localhost:8080") && hosts.contains("[::1]:8080"))
        #expect(!hosts.contains("evil.example:8080") && !hosts.contains("127.0.0.1:8081"))
        #expect(!hosts.contains("127.0.0.1.evil.example:8080") && !hosts.contains("localhost"))
    }

    @Test func uploadsOver20MBAreRefused() async throws {
        try await withServer { client, server in
            let big = Data(repeating: 0x41, count: 21 * 1024 * 1024)
            let (headers, body) = multipart(files: [("signups", "big.csv", big)])
            try await client.execute(uri: "/api/programmes", method: .post, headers: headers, body: body) { r in
                #expect(r.status == .contentTooLarge)
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.settings.workspace).isEmpty)
        }
    }

    @Test func pathsOutsideTheWorkspaceAreNotFound() async throws {
        try await withServer { client, _ in
            let id = try await create52(client)
            try await plan(client, id)
            for uri in [
                "/api/programmes/..", "/api/programmes/%2e%2e", "/api/programmes/..%2F..%2Fetc",
                "/api/programmes/\(id)/files/../plan/plan.json",
                "/api/programmes/\(id)/files/..%2F..%2Finputs%2Fsignups.csv",
                "/api/programmes/\(id)/files/%2Fetc%2Fpasswd",
                "/api/programmes/\(id)/files/history/../../inputs/signups.csv",
                "/api/programmes/\(id.uppercased())", "/programma/..", "/api/programmes/.incoming-x/files.zip",
            ] {
                try await client.execute(uri: uri, method: .get, headers: auth) { r in
                    #expect(r.status == .notFound, "\(uri)")
                }
            }
            // A plan file by its own path is served.
            try await client.execute(uri: "/api/programmes/\(id)/files/plan.json", method: .get, headers: auth) { r in
                #expect(r.status == .ok)
            }
        }
    }

    @Test func aNameThatLooksLikeMarkupIsShownAsText() async throws {
        let signups = try String(contentsOfFile: Fixture.path("lerend-leiderschap-52.csv"), encoding: .utf8)
            .replacingOccurrences(of: "Esther Vos,", with: "<img src=x onerror=alert(1)>,")
        try await withServer { client, _ in
            let (headers, body) = multipart(files: [
                ("signups", "<script>.csv", Data(signups.utf8)),
                (
                    "config", "c.toml",
                    try Data(contentsOf: URL(fileURLWithPath: Fixture.path("lerend-leiderschap.toml")))
                ),
            ])
            let id = try await client.execute(uri: "/api/programmes", method: .post, headers: headers, body: body) {
                #expect($0.status == .created)
                return try #require(try object($0)["id"] as? String)
            }
            try await plan(client, id)
            for page in ["/programma/\(id)", "/programma/\(id)/wijzigingen", "/programma/\(id)/kalender"] {
                try await client.execute(uri: page, method: .get, headers: auth) { r in
                    let html = String(buffer: r.body)
                    #expect(r.status == .ok)
                    #expect(!html.contains("<img src=x"), "\(page)")
                    #expect(!html.lowercased().contains("<script>"), "\(page)")
                    if page == "/programma/\(id)" { #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;")) }
                }
            }
        }
    }

    @Test func pagesCarryAStrictPolicy() async throws {
        try await withServer { client, _ in
            try await client.execute(uri: "/", method: .get, headers: auth) { r in
                let policy = try #require(r.headers[.contentSecurityPolicy])
                #expect(policy.contains("default-src 'none'") && policy.contains("script-src 'self'"))
                #expect(!policy.contains("unsafe"))
                #expect(r.headers[.xContentTypeOptions] == "nosniff")
                #expect(r.headers[.cacheControl] == "no-store")
                // No external resource: every src and href is the app's own.
                let html = String(buffer: r.body)
                #expect(!html.contains("http://") && !html.contains("https://"))
            }
        }
    }
}
