// signetd hosts the Signet services. Until the services land (see the issues), it says so.
print("""
signetd \(CommandLine.arguments.dropFirst().joined(separator: " "))
No services are built into this signetd yet: the CA, transparency log and timestamp authority
arrive with their modules. See README.md.
""")
