import Foundation
import IntervisionKit

/// The files the pages load, shipped inside the program (no CDN, works offline).
enum Assets {
    static let openAPI = load("openapi", "yaml", in: nil)
    static let script = load("app", "js", in: "assets")
    static let style = load("app", "css", in: "assets")
    static let reportStyle = Data(PlanSnapshot.reportCSS.utf8)

    static func load(_ name: String, _ ext: String, in folder: String?) -> Data {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: folder),
            let data = try? Data(contentsOf: url)
        else { return Data() }
        return data
    }
}
