import IntervisionCLI
IntervisionCommand.main()
