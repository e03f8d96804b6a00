import IntervisionCLI
IntervisionCommand.run()
