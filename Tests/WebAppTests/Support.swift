import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import IntervisionKit
import NIOCore
import TestFixtures
import Testing

@testable import WebApp

/// The token the tests' servers use.
let token = "web-app-tests-token-0123456789"
/// Headers of an authorised request.
let auth: HTTPFields = [.authorization: "Bearer \(token)"]

/// Runs `body` against a server over a fresh workspace, in process (the router test framework sends every
/// request with `Host: localhost`, so the server is set up on port 80 unless a test asks for another).
func withServer(
    port: Int = 80, _ body: @Sendable (any TestClientProtocol, WebServer) async throws -> Void
) async throws {
    let workspace = Scratch.folder("web")
    defer { try? FileManager.default.removeItem(atPath: workspace) }
    let server = try WebServer(.init(host: "127.0.0.1", port: port, workspace: workspace, token: token))
    let app = Application(router: server.router())
    try await app.test(.router) { client in try await body(client, server) }
}

/// A multipart/form-data body of files (field → (file name, bytes)) and fields.
func multipart(files: [(String, String, Data)], fields: [(String, String)] = []) -> (HTTPFields, ByteBuffer) {
    let boundary = "----intervision-test-\(UUID().uuidString)"
    var body = Data()
    for (name, value) in fields {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8))
    }
    for (field, filename, data) in files {
        body.append(
            Data(
                "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(filename)\"\r\n"
                    .utf8))
        body.append(Data("Content-Type: application/octet-stream\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n".utf8))
    }
    body.append(Data("--\(boundary)--\r\n".utf8))
    var headers = auth
    headers[.contentType] = "multipart/form-data; boundary=\(boundary)"
    return (headers, ByteBuffer(bytes: body))
}

/// The 52-person fixture's files as an upload.
func fixture52() throws -> (HTTPFields, ByteBuffer) {
    multipart(files: [
        (
            "signups", "lerend-leiderschap-52.csv",
            try Data(contentsOf: URL(fileURLWithPath: Fixture.path("lerend-leiderschap-52.csv")))
        ),
        (
            "config", "lerend-leiderschap.toml",
            try Data(contentsOf: URL(fileURLWithPath: Fixture.path("lerend-leiderschap.toml")))
        ),
        (
            "facilitators", "facilitators-lerend-leiderschap.csv",
            try Data(contentsOf: URL(fileURLWithPath: Fixture.path("facilitators-lerend-leiderschap.csv")))
        ),
    ])
}

/// A JSON object from a response body.
func object(_ response: TestResponse) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView))
    return try #require(value as? [String: Any])
}

/// Uploads the 52 fixture and returns its id.
func create52(_ client: any TestClientProtocol) async throws -> String {
    let (headers, body) = try fixture52()
    return try await client.execute(uri: "/api/programmes", method: .post, headers: headers, body: body) { r in
        #expect(r.status == .created)
        return try #require(try object(r)["id"] as? String)
    }
}

/// Posts JSON and returns the response.
func post(_ client: any TestClientProtocol, _ uri: String, _ json: String) async throws -> TestResponse {
    var headers = auth
    headers[.contentType] = "application/json"
    return try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: json))
}

/// Polls a job until it is over and returns its final view.
func finish(_ client: any TestClientProtocol, _ job: String, seconds: Double = 120) async throws -> [String: Any] {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        let view = try await client.execute(uri: "/api/jobs/\(job)", method: .get, headers: auth) { try object($0) }
        let state = view["state"] as? String
        if state != "queued" && state != "running" { return view }
        try await Task.sleep(for: .milliseconds(100))
    }
    Issue.record("job \(job) did not finish in \(seconds) s")
    return [:]
}

/// Starts a job with `json` at `uri` and waits for it.
func run(_ client: any TestClientProtocol, _ uri: String, _ json: String) async throws -> [String: Any] {
    let response = try await post(client, uri, json)
    #expect(response.status == .accepted, "\(String(buffer: response.body))")
    let job = try #require(try object(response)["job"] as? String)
    return try await finish(client, job)
}

/// Plans programme `id` and checks the job finished.
func plan(_ client: any TestClientProtocol, _ id: String) async throws {
    let view = try await run(client, "/api/programmes/\(id)/plan", "{\"timeLimit\": 60}")
    #expect(view["state"] as? String == "done", "\(view)")
}
