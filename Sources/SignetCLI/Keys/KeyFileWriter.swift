import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes key files so that they never exist, even briefly, with wider permissions than asked.
enum KeyFileWriter {
    /// Writes `text` to a new file beside `path` created with `permissions` (less the umask),
    /// then renames it over `path`: a reader sees the old file or the whole new one.
    static func write(_ text: String, to path: String, permissions: mode_t) throws(CLIError) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString)").path
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, permissions)
        guard descriptor >= 0 else {
            throw CLIError(.unreadableFile, "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        do {
            try handle.write(contentsOf: Data(text.utf8))
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        } catch {
            unlink(temporary)
            throw CLIError(.unreadableFile, "cannot write \(path): \(error.localizedDescription)")
        }
    }
}
