import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntervisionKit
import NIOCore
import TestFixtures
import Testing
import ZIPFoundation

@testable import WebApp

/// Every route and its error codes, in process. Outcomes are re-checked from the files on disk.
@Suite struct RouteTests {
    @Test func aValidUploadIsStoredAndChecked() async throws {
        try await withServer { client, server in
            let id = try await create52(client)
            #expect(id == "lerend-leiderschap-2027")
            let inputs = (server.settings.workspace as NSString).appendingPathComponent("\(id)/inputs")
            #expect(
                try FileManager.default.contentsOfDirectory(atPath: inputs).sorted() == [
                    "config.toml", "facilitators.csv", "signups.csv",
                ])
            try await client.execute(uri: "/api/programmes", method: .get, headers: auth) { r in
                let list = try #require(try object(r)["programmes"] as? [[String: Any]])
                #expect(list.count == 1)
                #expect(list[0]["participants"] as? Int == 52 && list[0]["status"] as? String == "new")
            }
            try await client.execute(uri: "/api/programmes/\(id)", method: .get, headers: auth) { r in
                let detail = try object(r)
                #expect(detail["plan"] is NSNull)
                let check = try #require(detail["check"] as? [String: Any])
                #expect(check["participants"] as? Int == 52 && check["groups"] as? Int == 7)
            }
            // A second upload of the same programme gets the next id.
            #expect(try await create52(client) == "lerend-leiderschap-2027-2")
        }
    }

    @Test func aBadUploadListsEveryProblemWithItsRowAndStoresNothing() async throws {
        try await withServer { client, server in
            let bad = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("bad/03-duplicate-email.csv")))
            let (headers, body) = multipart(files: [("signups", "dubbel.csv", bad)])
            try await client.execute(uri: "/api/programmes", method: .post, headers: headers, body: body) { r in
                #expect(r.status == .unprocessableContent)
                let problems = try #require(try object(r)["problems"] as? [[String: Any]])
                let first = try #require(problems.first)
                #expect(first["file"] as? String == "dubbel.csv" && first["line"] as? Int == 4)
                // The Dutch text for the pages, beside the English one.
                let dutch = try #require(first["nl"] as? [String: Any])
                #expect(dutch["message"] as? String == "anne.devries@baken.nl staat al op regel 2")
                // The row shown is the file's line 4, as the organiser would find it.
                let line4 = String(decoding: bad, as: UTF8.self).split(whereSeparator: \.isNewline)[3]
                #expect(first["row"] as? String == String(line4))
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: server.settings.workspace).isEmpty)
            // No sign-ups at all, and not multipart.
            let (h2, b2) = multipart(files: [], fields: [("cfg_name", "x")])
            try await client.execute(uri: "/api/programmes", method: .post, headers: h2, body: b2) { r in
                #expect(r.status == .unprocessableContent)
            }
            #expect(try await post(client, "/api/programmes", "{}").status == .unsupportedMediaType)
        }
    }

    @Test func theConfigFormBecomesTheProgrammesConfig() async throws {
        try await withServer { client, server in
            let signups = try Data(contentsOf: URL(fileURLWithPath: Fixture.path("lerend-leiderschap-52.csv")))
            let (headers, body) = multipart(
                files: [("signups", "s.csv", signups)],
                fields: [
                    ("cfg_name", "Voorjaar \"2027\"\nname = \"x\""), ("cfg_min_size", "6"), ("cfg_max_size", "8"),
                    ("cfg_target_size", "7"), ("cfg_rules_given", "1"), ("cfg_separate", "school"),
                    ("cfg_separate", "hierarchy"), ("cfg_first_date", "2027-01-18"), ("cfg_last_date", "2027-06-25"),
                    ("cfg_meetings", "4"), ("cfg_weekdays", "monday"), ("cfg_weekdays", "thursday"),
                    ("cfg_start_time", "14:00"),
                ])
            let id = try await client.execute(uri: "/api/programmes", method: .post, headers: headers, body: body) {
                #expect($0.status == .created, "\(String(buffer: $0.body))")
                return try #require(try object($0)["id"] as? String)
            }
            let toml = (server.settings.workspace as NSString).appendingPathComponent("\(id)/inputs/config.toml")
            let config = try Intervision.check(
                ProgrammeInputs(signups: Fixture.path("lerend-leiderschap-52.csv"), config: toml)
            ).programme.config
            // The name with a quote and a newline stays one value; it cannot add a key.
            #expect(config.name == "Voorjaar \"2027\"\nname = \"x\"")
            #expect(config.separate.map(\.rawValue) == ["school", "hierarchy"])
            #expect(config.schedule.weekdays.map(\.rawValue) == ["monday", "thursday"])
            #expect(config.schedule.meetings == 4)
            // A value out of range is the config reader's to refuse, with the field named.
            let (h2, b2) = multipart(
                files: [("signups", "s.csv", signups)], fields: [("cfg_max_size", "99"), ("cfg_min_size", "6")])
            try await client.execute(uri: "/api/programmes", method: .post, headers: h2, body: b2) { r in
                #expect(r.status == .unprocessableContent)
                #expect(String(buffer: r.body).contains("max_size"))
            }
        }
    }

    @Test func planningRunsAsAJobAndASecondPlanIsAConflict() async throws {
        try await withServer { client, server in
            let id = try await create52(client)
            let first = try await post(client, "/api/programmes/\(id)/plan", "{\"timeLimit\": 60}")
            #expect(first.status == .accepted)
            let job = try #require(try object(first)["job"] as? String)
            #expect(first.headers[.location] == "/api/jobs/\(job)")
            let second = try await post(client, "/api/programmes/\(id)/plan", "{}")
            #expect(second.status == .conflict)
            let view = try await finish(client, job)
            #expect(view["state"] as? String == "done")
            let result = try #require(view["result"] as? [String: Any])
            #expect(result["groups"] as? Int == 7)
            // Re-checked from the plan folder: 7 groups of 6–8 holding all 52 exactly once.
            let folder = (server.settings.workspace as NSString).appendingPathComponent("\(id)/plan")
            let groups = try String(contentsOfFile: folder + "/groups.csv", encoding: .utf8)
                .split(whereSeparator: \.isNewline).dropFirst().map {
                    $0.split(separator: ",", omittingEmptySubsequences: false)
                }
            let sizes = Dictionary(grouping: groups, by: { $0[0] }).mapValues(\.count)
            #expect(sizes.count == 7 && sizes.values.allSatisfy { (6...8).contains($0) })
            #expect(Set(groups.map { $0[1] }).count == 52)
            // The event stream replays the steps and ends with the job.
            try await client.execute(uri: "/api/jobs/\(job)/events", method: .get, headers: auth) { r in
                let text = String(buffer: r.body)
                #expect(r.headers[.contentType]?.hasPrefix("text/event-stream") == true)
                #expect(text.contains("event: progress") && text.contains("Groepen vormen"))
                #expect(text.hasSuffix("\n\n") && text.contains("event: end\ndata: {"))
            }
            // The detail carries plan.json exactly as stored.
            try await client.execute(uri: "/api/programmes/\(id)", method: .get, headers: auth) { r in
                let plan = try #require(try object(r)["plan"] as? [String: Any])
                let stored = try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: folder + "/plan.json")))
                #expect(NSDictionary(dictionary: plan).isEqual(to: try #require(stored as? [String: Any])))
            }
            for bad in ["{\"timeLimit\": 0}", "{\"timeLimit\": \"x\"}", "[1", "{\"timeLimit\": 1e9}"] {
                #expect(
                    try await post(client, "/api/programmes/\(id)/plan", bad).status == .unprocessableContent, "\(bad)")
            }
            #expect(try await post(client, "/api/programmes/nope/plan", "{}").status == .notFound)
            try await client.execute(uri: "/api/jobs/nope", method: .get, headers: auth) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/api/jobs/nope", method: .delete, headers: auth) {
                #expect($0.status == .notFound)
            }
        }
    }

    @Test func theZipHoldsThePlanFolderAndItsCalendars() async throws {
        try await withServer { client, server in
            let id = try await create52(client)
            try await client.execute(uri: "/api/programmes/\(id)/files.zip", method: .get, headers: auth) {
                #expect($0.status == .notFound)
            }
            try await plan(client, id)
            let bytes = try await client.execute(uri: "/api/programmes/\(id)/files.zip", method: .get, headers: auth) {
                r in
                #expect(r.headers[.contentType] == "application/zip")
                #expect(r.headers[.contentDisposition]?.contains("\(id)-v1.zip") == true)
                return Data(r.body.readableBytesView)
            }
            let archive = try Archive(data: bytes, accessMode: .read)
            let folder = (server.settings.workspace as NSString).appendingPathComponent("\(id)/plan")
            var onDisk: [String] = []
            let walker = FileManager.default.enumerator(atPath: folder)!
            while let path = walker.nextObject() as? String {
                var isFolder: ObjCBool = false
                FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
                if !isFolder.boolValue && !(path as NSString).lastPathComponent.hasPrefix(".") { onDisk.append(path) }
            }
            let names = archive.map(\.path)
            #expect(Set(names) == Set(onDisk.map { "plan/" + $0 }))
            for entry in archive where entry.path.hasSuffix(".ics") {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                let original = try Data(contentsOf: URL(fileURLWithPath: folder + "/" + entry.path.dropFirst(5)))
                #expect(data == original)
            }
            // The same plan gives the same zip.
            let again = try await client.execute(uri: "/api/programmes/\(id)/files.zip", method: .get, headers: auth) {
                Data($0.body.readableBytesView)
            }
            #expect(again == bytes)
        }
    }
}

/// The error answers of the routes not met above: unknown programmes, bad bodies, a plan that is not there yet.
@Suite struct ErrorCodeTests {
    /// The `nl.message` of an error answer.
    func dutchMessage(_ response: TestResponse) throws -> String? {
        (try object(response)["nl"] as? [String: Any])?["message"] as? String
    }

    @Test func everyRouteAnswersUnknownAndBadRequestsPrecisely() async throws {
        try await withServer { client, server in
            let id = try await create52(client)
            // Before a plan exists, the plan's routes are 404.
            for uri in [
                "/api/programmes/\(id)/preview", "/api/programmes/\(id)/replan", "/api/programmes/\(id)/publish",
            ] {
                let answer = try await post(client, uri, "{}")
                #expect(answer.status == .notFound, "\(uri)")
                // Every error answer a page can meet has its Dutch words.
                #expect(try dutchMessage(answer)?.hasPrefix("dit programma, deze berekening") == true, "\(uri)")
            }
            for uri in [
                "/api/programmes/nope", "/api/programmes/nope/files.zip", "/api/programmes/nope/files/plan.json",
                "/api/jobs/nope/events", "/programma/nope/kalender", "/programma/nope/wijzigingen",
            ] {
                try await client.execute(uri: uri, method: .get, headers: auth) {
                    #expect($0.status == .notFound, "\(uri)")
                }
            }
            try await plan(client, id)
            let unknown = try await post(
                client, "/api/programmes/\(id)/preview", "{\"moves\":[{\"email\":\"nobody@x.nl\",\"group\":\"G01\"}]}")
            #expect(unknown.status == .unprocessableContent)
            #expect(String(buffer: unknown.body).contains("nobody@x.nl"))
            // A group the plan does not have: refused with its Dutch words for the Dutch page.
            let planFolder = (server.settings.workspace as NSString).appendingPathComponent("\(id)/plan")
            let member = try #require(
                try String(contentsOfFile: planFolder + "/groups.csv", encoding: .utf8)
                    .split(whereSeparator: \.isNewline).dropFirst().first?.split(separator: ",").dropFirst().first)
            let noGroup = try await post(
                client, "/api/programmes/\(id)/preview", "{\"moves\":[{\"email\":\"\(member)\",\"group\":\"G99\"}]}")
            #expect(noGroup.status == .unprocessableContent)
            let problems = try #require(try object(noGroup)["problems"] as? [[String: Any]])
            let dutch = try #require(problems.first?["nl"] as? [String: Any], "\(problems)")
            #expect(dutch["message"] as? String == "G99 is geen groep van dit plan")
            #expect((dutch["fix"] as? String)?.hasPrefix("kies een van de groepen G01, G02") == true, "\(dutch)")
            #expect(
                try await post(client, "/api/programmes/\(id)/preview", "{\"moves\": 3}").status
                    == .unprocessableContent)
            #expect(
                try await post(client, "/api/programmes/\(id)/replan", "{\"timeLimit\": -1}").status
                    == .unprocessableContent)
            // A replan while another job of the programme runs is a conflict.
            let started = try await post(client, "/api/programmes/\(id)/plan", "{}")
            #expect(started.status == .accepted)
            let busy = try await post(client, "/api/programmes/\(id)/replan", "{}")
            #expect(busy.status == .conflict)
            #expect(try dutchMessage(busy) == "voor dit programma loopt al een berekening")
            _ = try await finish(client, try #require(try object(started)["job"] as? String))
            // A JSON body over 1 MB is refused before it is read.
            let big = "{\"drop\": [\"" + String(repeating: "a", count: 1_100_000) + "\"]}"
            let tooLarge = try await post(client, "/api/programmes/\(id)/replan", big)
            #expect(tooLarge.status == .contentTooLarge)
            #expect(try dutchMessage(tooLarge) == "het verzoek is groter dan 1 MB")
        }
    }
}

/// Cancelling a plan from the API. Named so that `make test` runs it with the other cancellation tests, alone:
/// when every other test keeps both cores busy, the cancel request can reach the server after the plan is done.
@Suite struct WebCancellationTests {
    @Test func aCancelledPlanWritesNothing() async throws {
        try await withServer { client, server in
            let files: [(String, String, Data)] = try [
                ("signups", "lead-and-learn-345.csv", "lead-and-learn-345.csv"),
                ("config", "lead-and-learn.toml", "lead-and-learn.toml"),
                ("facilitators", "facilitators-lead-and-learn.csv", "facilitators-lead-and-learn.csv"),
            ].map { ($0.0, $0.1, try Data(contentsOf: URL(fileURLWithPath: Fixture.path($0.2)))) }
            let (headers, body) = multipart(files: files)
            let id = try await client.execute(uri: "/api/programmes", method: .post, headers: headers, body: body) {
                try #require(try object($0)["id"] as? String)
            }
            let started = try await post(client, "/api/programmes/\(id)/plan", "{\"timeLimit\": 120}")
            let job = try #require(try object(started)["job"] as? String)
            // Cancel once the solver is at work (its first progress step), as a user would.
            for _ in 0..<600 {
                let steps = try await client.execute(uri: "/api/jobs/\(job)", method: .get, headers: auth) {
                    try object($0)["steps"] as? Int ?? 0
                }
                if steps > 0 { break }
                try await Task.sleep(for: .milliseconds(20))
            }
            try await client.execute(uri: "/api/jobs/\(job)", method: .delete, headers: auth) {
                #expect($0.status == .accepted)
            }
            let view = try await finish(client, job, seconds: 10)
            #expect(view["state"] as? String == "cancelled")
            let folder = (server.settings.workspace as NSString).appendingPathComponent("\(id)/plan")
            #expect(!FileManager.default.fileExists(atPath: folder))
            // Cancelled, the programme can be planned again: no 409.
            let again = try await post(client, "/api/programmes/\(id)/plan", "{\"timeLimit\": 1}")
            #expect(again.status == .accepted)
            _ = try await finish(client, try #require(try object(again)["job"] as? String))
        }
    }
}

/// Joiners given as JSON objects become a CSV the sign-up reader takes, every value intact.
@Suite struct JoinerTableTests {
    @Test func valuesWithSeparatorsQuotesAndLineBreaksAreQuoted() {
        let file = API.table(
            [["email": "a@x.nl", "name": "A \"B\", C", "school": "Line\r\nbreak"]], name: "add")
        let text = String(decoding: file.data, as: UTF8.self)
        #expect(text == "name,email,school\n\"A \"\"B\"\", C\",a@x.nl,\"Line\r\nbreak\"\n")
    }
}

/// A run out of time is its own failure in the API, so the page can say what helps (in Dutch, `app.js`).
@Suite struct FailureModelTests {
    @Test func aRunOutOfTimeIsNotAnInternalError() throws {
        let f = APIModels.failure(.outOfTime(step: "replan moves", timeLimit: 30))
        #expect(f.error == "out-of-time")
        #expect(f.message.contains("within the time limit of 30 s") && f.message.contains("does not prove"))
        #expect(f.fix == "try again with a longer time limit")
        let json = try JSONSerialization.jsonObject(with: APIModels.encode(f)) as? [String: Any]
        #expect(json?["error"] as? String == "out-of-time")
    }
}
