import ArgumentParser
import Foundation
import IntervisionKit

struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Mark a plan as sent out, so `plan --replace` no longer overwrites it.",
        discussion: """
            Until a plan is published, `intervision plan ... --out DIR --replace` may plan it again (after a \
            change to the config, say). Once people have its dates, change it with `intervision replan`, which \
            keeps history and lists who must receive what. A replanned plan counts as published.
            """)

    @Argument(help: "Plan folder written by `intervision plan`.") var dir: String

    func run() throws {
        let published: PublishedPlan
        do {
            published = try Intervision.publish(dir)
        } catch {
            throw Output.fail(error)
        }
        Output.out(
            published.already
                ? "\(dir): version \(published.version) was already published (\(published.publishedAt.prefix(10))); "
                    + "change it with `intervision replan`.\n"
                : "\(dir): version \(published.version) is published. From now on change it with "
                    + "`intervision replan`.\n")
    }
}
