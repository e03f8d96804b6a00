import ArgumentParser
import Foundation
import IntervisionKit
import WebApp

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the web app on this machine: programmes, plans and changes in the browser.",
        discussion: """
            Every programme made in the browser is a folder WORKSPACE/<id> holding its inputs and the plan folder \
            WORKSPACE/<id>/plan, exactly as `intervision plan` writes it: `intervision replan WORKSPACE/<id>/plan` \
            works on it and the page shows the result. The server answers only on the address it is bound to and \
            only with the token it prints; open the printed link in the browser.
            """)

    @Option(help: "Port to listen on (1–65535; 0 picks a free one).") var port = 8080
    @Option(help: "Address to bind; the default keeps the app on this machine.") var host = "127.0.0.1"
    @Option(help: "Folder holding the programmes (created when missing).") var workspace = "./intervision-workspace"
    @Option(help: "Token every request must carry (default: a new random one; at least 16 characters).")
    var token: String?

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port \(port) is outside 0–65535") }
        if let token {
            guard token.count >= 16, token.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") })
            else {
                throw ValidationError("--token must be at least 16 letters, digits or dashes")
            }
        }
    }

    func run() async throws {
        let server: WebServer
        do {
            server = try WebServer(.init(host: host, port: port, workspace: workspace, token: token))
        } catch {
            Output.err("error: the workspace \(workspace) cannot be used: \(error.localizedDescription)\n")
            throw ExitCode(2)
        }
        do {
            try await server.run { bound in
                Output.out(
                    "Intervision runs at \(server.url(port: bound))\nWorkspace: \(server.settings.workspace)\n"
                        + "Open the link above in your browser; press Ctrl+C to stop.\n")
            }
        } catch {
            Output.err("error: the web app could not start on \(host):\(port): \(error)\n")
            throw ExitCode(1)
        }
    }
}
