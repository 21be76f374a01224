import SignetCLI

await SignetCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
