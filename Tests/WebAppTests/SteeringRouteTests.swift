import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntervisionKit
import NIOCore
import TestFixtures
import Testing

@testable import WebApp

/// Moves, swaps and locks through the API (previewed, then carried out), dropout replans, publishing and the
/// pages, re-checked from the files.
@Suite struct SteeringRouteTests {
    /// group id → emails, read from groups.csv.
    func groups(_ folder: String) throws -> [String: [String]] {
        let rows = try String(contentsOfFile: folder + "/groups.csv", encoding: .utf8).split(
            whereSeparator: \.isNewline
        ).dropFirst()
        var out: [String: [String]] = [:]
        for row in rows {
            let cells = row.split(separator: ",", omittingEmptySubsequences: false)
            out[String(cells[0]), default: []].append(String(cells[1]))
        }
        return out
    }

    /// email → (school, region), read from the sign-ups.
    func people() throws -> [String: (school: String, region: String)] {
        let rows = try String(contentsOfFile: Fixture.path("lerend-leiderschap-52.csv"), encoding: .utf8)
            .split(whereSeparator: \.isNewline).dropFirst()
        var out: [String: (String, String)] = [:]
        for row in rows {
            let c = row.split(separator: ",", omittingEmptySubsequences: false)
            out[String(c[1])] = (String(c[4]), String(c[6]))
        }
        return out
    }

    /// `away`, computed here: per group its size minus its largest region.
    func away(_ groups: [String: [String]], _ people: [String: (school: String, region: String)]) -> Int {
        groups.values.map { members in
            members.count - (Dictionary(grouping: members, by: { people[$0]!.region }).values.map(\.count).max() ?? 0)
        }.reduce(0, +)
    }

    @Test func aRefusedMoveSaysWhyAndAnAllowedOneShowsItsCost() async throws {
        try await withServer { client, server in
            let id = try await create52(client)
            try await plan(client, id)
            let folder = (server.settings.workspace as NSString).appendingPathComponent("\(id)/plan")
            let before = try groups(folder), who = try people()
            // Two colleagues (same school) sit in different groups; moving one to the other's group breaks `school`.
            var refused: (String, String)?
            outer: for (g, members) in before.sorted(by: { $0.key < $1.key }) {
                for (h, others) in before where h != g {
                    for a in members {
                        for b in others where who[a]!.school == who[b]!.school {
                            refused = (a, h)
                            break outer
                        }
                    }
                }
            }
            let (person, target) = try #require(refused)
            let refusal = try object(
                try await post(
                    client, "/api/programmes/\(id)/preview",
                    "{\"moves\":[{\"email\":\"\(person)\",\"group\":\"\(target)\"}]}"))
            #expect(refusal["allowed"] as? Bool == false)
            let details = try #require(refusal["details"] as? [String])
            #expect(details.contains { $0.contains("rule `school`") }, "\(refusal)")
            #expect(refusal["reason"] as? String != nil)
            // The Dutch page reads the same refusal in Dutch, with changes made in the app rather than CLI options.
            let dutch = try #require(refusal["nl"] as? [String: Any], "\(refusal)")
            #expect((dutch["reason"] as? String)?.hasPrefix("de gevraagde wijziging breekt") == true, "\(dutch)")
            let dutchDetails = try #require(dutch["details"] as? [String])
            #expect(dutchDetails.count == details.count)
            #expect(dutchDetails.contains { $0.contains("collega's van dezelfde school (regel `school`)") }, "\(dutch)")
            let dutchSuggestions = try #require(dutch["suggestions"] as? [String])
            #expect(!dutchSuggestions.isEmpty && !dutchSuggestions.contains { $0.contains("--") }, "\(dutch)")
            // Find an allowed move: someone from the largest group to the smallest.
            let largest = before.max { ($0.value.count, $1.key) < ($1.value.count, $0.key) }!
            let smallest = before.min { ($0.value.count, $0.key) < ($1.value.count, $1.key) }!
            var allowed: ([String: Any], String)?
            for candidate in largest.value {
                let body = "{\"moves\":[{\"email\":\"\(candidate)\",\"group\":\"\(smallest.key)\"}]}"
                let answer = try object(try await post(client, "/api/programmes/\(id)/preview", body))
                if answer["allowed"] as? Bool == true {
                    allowed = (answer, candidate)
                    break
                }
            }
            let (preview, mover) = try #require(allowed)
            let deltas = try #require(preview["deltas"] as? [[String: Any]])
            let awayDelta = try #require(deltas.first { $0["metric"] as? String == "away" })
            #expect(awayDelta["before"] as? Int == away(before, who))
            // Nothing was written by the previews.
            #expect(try groups(folder) == before)
            let view = try await run(
                client, "/api/programmes/\(id)/replan",
                "{\"from\":\"2027-01-18\",\"moves\":[{\"email\":\"\(mover)\",\"group\":\"\(smallest.key)\"}]}")
            #expect(view["state"] as? String == "done", "\(view)")
            let after = try groups(folder)
            #expect(after[smallest.key]!.contains(mover) && !after[largest.key]!.contains(mover))
            #expect(awayDelta["after"] as? Int == away(after, who))
        }
    }

    @Test func aDropoutReplanFromTheAPIAndItsDryRun() async throws {
        try await withServer { client, server in
            let id = try await create52(client)
            try await plan(client, id)
            let folder = (server.settings.workspace as NSString).appendingPathComponent("\(id)/plan")
            let before = try groups(folder)
            let leaver = before["G01"]![0]
            let body = "{\"from\":\"2027-02-01\",\"drop\":[\"\(leaver)\"]"
            let dry = try await run(client, "/api/programmes/\(id)/replan", body + ",\"dryRun\":true}")
            let proposal = try #require(dry["result"] as? [String: Any])
            #expect(proposal["version"] as? Int == 2 && proposal["dryRun"] as? Bool == true)
            #expect((proposal["changes"] as? String)?.contains(leaver) == true)
            // The dry run changed nothing and left no copy behind.
            #expect(try groups(folder) == before)
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.settings.workspace) == [id])
            let done = try await run(client, "/api/programmes/\(id)/replan", body + "}")
            #expect(done["state"] as? String == "done")
            let after = try groups(folder)
            #expect(!after.values.joined().contains(leaver))
            #expect(after.values.joined().count == 51)
            // The detail shows version 2 with changes.md; the CLI's folder is the same one.
            try await client.execute(uri: "/api/programmes/\(id)", method: .get, headers: auth) { r in
                let detail = try object(r)
                #expect((detail["programme"] as? [String: Any])?["version"] as? Int == 2)
            }
            #expect(FileManager.default.fileExists(atPath: folder + "/changes.md"))
            // Each version's changes.md stays readable in history/, and the history page shows it.
            let kept = try String(contentsOfFile: folder + "/history/changes-v2.md", encoding: .utf8)
            #expect(kept == (try String(contentsOfFile: folder + "/changes.md", encoding: .utf8)))
            try await client.execute(uri: "/programma/\(id)/wijzigingen", method: .get, headers: auth) { r in
                #expect(String(buffer: r.body).contains("changes.md — versie 2"))
            }
            // An unknown email is a precise failure of the job.
            let failed = try await run(client, "/api/programmes/\(id)/replan", "{\"drop\":[\"nobody@example.nl\"]}")
            #expect(failed["state"] as? String == "failed")
            let problems = (failed["failure"] as? [String: Any])?["problems"] as? [[String: Any]] ?? []
            #expect(problems.first?["message"] as? String == "nobody@example.nl is not a participant in this plan")
            // The page shows organisers the Dutch text.
            let dutch = problems.first?["nl"] as? [String: Any]
            #expect(dutch?["message"] as? String == "nobody@example.nl is geen deelnemer in dit plan", "\(problems)")
            #expect((dutch?["fix"] as? String)?.contains("groups.csv") == true)
            #expect(
                try await post(client, "/api/programmes/\(id)/replan", "{\"from\":\"1 feb\"}").status
                    == .unprocessableContent)
        }
    }

    @Test func twoProgrammesPlanAtOnce() async throws {
        try await withServer { client, _ in
            let a = try await create52(client), b = try await create52(client)
            let ja = try #require(
                try object(try await post(client, "/api/programmes/\(a)/plan", "{}"))["job"] as? String)
            let jb = try #require(
                try object(try await post(client, "/api/programmes/\(b)/plan", "{}"))["job"] as? String)
            #expect(try await finish(client, ja)["state"] as? String == "done")
            #expect(try await finish(client, jb)["state"] as? String == "done")
        }
    }

    @Test func everyPageRendersInDutchAndEnglish() async throws {
        try await withServer { client, _ in
            let id = try await create52(client)
            try await client.execute(uri: "/programma/\(id)", method: .get, headers: auth) { r in
                #expect(String(buffer: r.body).contains("Plan maken"))
            }
            try await plan(client, id)
            let pages = [
                "/", "/nieuw", "/programma/\(id)", "/programma/\(id)/wijzigingen", "/programma/\(id)/kalender",
            ]
            for page in pages {
                try await client.execute(uri: page, method: .get, headers: auth) { r in
                    #expect(r.status == .ok, "\(page)")
                    #expect(String(buffer: r.body).contains("<html lang=\"nl\">"), "\(page)")
                }
                var english = auth
                english[.cookie] = "lang=en"
                try await client.execute(uri: page, method: .get, headers: english) { r in
                    #expect(String(buffer: r.body).contains("<html lang=\"en\">"), "\(page)")
                }
            }
            try await client.execute(uri: "/programma/\(id)", method: .get, headers: auth) { r in
                let html = String(buffer: r.body)
                #expect(html.components(separatedBy: "class=\"card\"").count - 1 == 7)
                #expect(html.contains("Iemand verplaatsen") && html.contains("Alles in één zip"))
            }
            try await client.execute(uri: "/programma/nope", method: .get, headers: auth) {
                #expect($0.status == .notFound)
            }
            // Publishing marks the plan; planning again is then refused by the facade.
            let published = try object(try await post(client, "/api/programmes/\(id)/publish", ""))
            #expect(published["already"] as? Bool == false)
            let again = try await run(client, "/api/programmes/\(id)/plan", "{}")
            #expect(again["state"] as? String == "failed")
            try await client.execute(uri: "/api/openapi.yaml", method: .get, headers: auth) { r in
                #expect(String(buffer: r.body).hasPrefix("openapi: 3.1.0"))
            }
        }
    }
}
