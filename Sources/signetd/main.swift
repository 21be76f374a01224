import ServerSupport

await SignetDaemonCommand.run(arguments: Array(CommandLine.arguments.dropFirst()))
