import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a password typed at the terminal on standard input, with echo turned off.
enum TerminalPassword {
    /// Whether standard input is a terminal a person can type at.
    static var isAvailable: Bool { isatty(STDIN_FILENO) == 1 }

    /// Writes `prompt` to standard error and reads one line from the terminal without echo; the
    /// terminal's settings are restored afterwards, also when reading fails.
    static func read(prompt: String) throws(CLIError) -> [UInt8] {
        guard isAvailable else {
            throw CLIError(.invalidArgument, "standard input is not a terminal, so the password cannot be asked for; set COSIGN_PASSWORD or SIGNET_PASSWORD")
        }
        var saved = termios()
        guard tcgetattr(STDIN_FILENO, &saved) == 0 else {
            throw CLIError(.invalidArgument, "cannot read the terminal settings: \(String(cString: strerror(errno)))")
        }
        var silent = saved
        silent.c_lflag &= ~tcflag_t(ECHO)
        silent.c_lflag |= tcflag_t(ICANON)
        guard tcsetattr(STDIN_FILENO, TCSANOW, &silent) == 0 else {
            throw CLIError(.invalidArgument, "cannot turn off terminal echo: \(String(cString: strerror(errno)))")
        }
        defer {
            _ = tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            // The Enter key was not echoed either.
            FileHandle.standardError.write(Data("\n".utf8))
        }
        // Only now that echo is off: whatever is typed after the prompt stays off the screen.
        FileHandle.standardError.write(Data(prompt.utf8))
        var line: [UInt8] = []
        while true {
            let next: Data?
            do {
                next = try FileHandle.standardInput.read(upToCount: 1)
            } catch {
                throw CLIError(.invalidArgument, "cannot read the password: \(error.localizedDescription)")
            }
            guard let byte = next?.first else {
                if line.isEmpty {
                    throw CLIError(.invalidArgument, "no password was entered (end of input)")
                }
                break
            }
            if byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r") { break }
            line.append(byte)
        }
        return line
    }
}
