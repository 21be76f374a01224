/// Where the password of an encrypted key file comes from, as cosign does it: the
/// `COSIGN_PASSWORD` environment variable (or Signet's own `SIGNET_PASSWORD`, which wins) when
/// set, even to the empty string; otherwise a prompt on the terminal.
enum KeyPassword {
    /// The environment variables read, in order of precedence.
    static let environmentVariables = ["SIGNET_PASSWORD", "COSIGN_PASSWORD"]

    /// The password from the environment, if one of ``environmentVariables`` is set.
    static func fromEnvironment(_ environment: [String: String]) -> [UInt8]? {
        environmentVariables.lazy.compactMap { environment[$0] }.first.map { Array($0.utf8) }
    }

    /// The password to encrypt a new key with: from the environment, or typed twice at the
    /// terminal. An empty password is accepted only from the environment, where setting the
    /// variable to the empty string says so explicitly.
    static func forNewKey(environment: [String: String]) throws(CLIError) -> [UInt8] {
        if let password = fromEnvironment(environment) { return password }
        let first = try TerminalPassword.read(prompt: "Enter password for private key: ")
        guard !first.isEmpty else {
            throw CLIError(.invalidArgument, "the password is empty; to really use an empty password, set COSIGN_PASSWORD= (empty) in the environment")
        }
        let second = try TerminalPassword.read(prompt: "Enter password for private key again: ")
        guard first == second else {
            throw CLIError(.invalidArgument, "the passwords do not match")
        }
        return first
    }

    /// The password to open the existing key file `path`: from the environment, or typed once.
    static func forExistingKey(_ path: String, environment: [String: String]) throws(CLIError) -> [UInt8] {
        if let password = fromEnvironment(environment) { return password }
        return try TerminalPassword.read(prompt: "Enter password for private key \(path): ")
    }
}
