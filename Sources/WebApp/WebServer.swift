import Foundation
import Hummingbird
import IntervisionKit
import Logging
import NIOCore

/// `intervision serve`: the web app on the organiser's own machine. One process holds the workspace, runs plans
/// and replans as jobs and serves the pages and the JSON API, all behind the token it prints.
public struct WebServer: Sendable {
    /// How the server is started.
    public struct Settings: Sendable {
        /// The address to bind; 127.0.0.1 keeps it on this machine.
        public var host: String
        /// The port; 0 picks a free one.
        public var port: Int
        /// The workspace folder.
        public var workspace: String
        /// The token every request must carry.
        public var token: String

        /// Settings for a server at `host:port` over `workspace`, with `token` (a random one when nil).
        public init(host: String = "127.0.0.1", port: Int = 8080, workspace: String, token: String? = nil) {
            self.host = host
            self.port = port
            self.workspace = workspace
            self.token = token ?? WebServer.newToken()
        }
    }

    /// The settings it runs with.
    public let settings: Settings
    let state: AppState
    let hosts: HostList

    /// A server over the workspace in `settings` (the folder is created when missing).
    public init(_ settings: Settings) throws {
        self.settings = settings
        state = AppState(workspace: try Workspace(root: settings.workspace))
        hosts = HostList(host: settings.host, port: settings.port)
    }

    /// 32 random hexadecimal digits.
    public static func newToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%016llx", generator.next() as UInt64) }.joined()
    }

    /// The address to open, with the token.
    public func url(port: Int? = nil) -> String {
        let host = settings.host.contains(":") ? "[\(settings.host)]" : settings.host
        return "http://\(host):\(port ?? settings.port)/?token=\(settings.token)"
    }

    /// The routes and middleware, for the server and for in-process tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: Guard(token: settings.token, hosts: hosts))
        API(app: state).register(on: router)
        PageRoutes(app: state).register(on: router)
        return router
    }

    /// Runs until the process is stopped; `ready` receives the bound port.
    public func run(ready: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        let hosts = self.hosts
        let app = Application(
            router: router(),
            configuration: .init(address: .hostname(settings.host, port: settings.port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                hosts.bound(port: port)
                ready(port)
            },
            logger: {
                var logger = Logger(label: "intervision")
                logger.logLevel = .warning
                return logger
            }())
        try await app.runService()
    }
}

/// The `Host` values that name this server: the bound address and, for a loopback address, every loopback
/// name, each with the port.
final class HostList: @unchecked Sendable {
    private let lock = NSLock()
    private let host: String
    private var port: Int

    init(host: String, port: Int) {
        self.host = host.lowercased()
        self.port = port
    }

    /// The port the server got (when 0 was asked for).
    func bound(port: Int) { lock.withLock { self.port = port } }

    /// Whether `value` (a `Host` header) names this server.
    func contains(_ value: String) -> Bool {
        let port = lock.withLock { self.port }
        let loopback = ["127.0.0.1", "localhost", "[::1]", "::1"]
        var names = [host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host]
        if loopback.contains(host) { names += loopback }
        return names.contains { value == "\($0):\(port)" || (port == 80 && value == $0) }
    }
}
