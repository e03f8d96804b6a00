import ArgumentParser
public struct IntervisionCommand: ParsableCommand {
    public init() {}
}
