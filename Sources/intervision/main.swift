import IntervisionCLI

await IntervisionCommand.runFromCommandLine()
