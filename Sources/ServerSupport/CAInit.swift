import CAService
import Foundation
import SigstoreCrypto

/// What `signetd ca init` makes: a root and an intermediate certificate, and the intermediate's
/// key, written as new files under one directory. The root key signs the intermediate and is then
/// discarded, so nothing but this intermediate can ever chain to the root.
struct CAInit {
    /// The files written, in the order they are written.
    static let rootFile = "root.pem"
    static let intermediateFile = "intermediate.pem"
    static let chainFile = "chain.pem"
    static let keyFile = "intermediate-key.pem"

    var directory: URL
    var algorithm: KeyAlgorithm
    var organization: String
    var commonName: String
    var validityYears: Int
    /// Encrypts the key file (PKCS#8 PBES2) when present.
    var password: [UInt8]?

    /// Generates the CA and writes `root.pem`, `intermediate.pem`, `chain.pem` (intermediate then
    /// root, as ``CertificateAuthorityKeys/init(privateKeyPEM:password:chainPEM:)`` and
    /// `signetd --dev` read it) and `intermediate-key.pem` (mode 0600).
    ///
    /// - Returns: The files written.
    /// - Throws: ``CAInitError`` when any of the files already exists (nothing is written then).
    @discardableResult
    func run(now: Date) throws -> [URL] {
        let names = [Self.rootFile, Self.intermediateFile, Self.chainFile, Self.keyFile]
        let existing = names.map { directory.appendingPathComponent($0) }.filter { FileManager.default.fileExists(atPath: $0.path) }
        guard existing.isEmpty else {
            throw CAInitError("refusing to overwrite \(existing.map(\.path).joined(separator: ", ")); choose another --out")
        }
        let generated = try CertificateAuthorityKeys.generate(
            algorithm: algorithm,
            organization: organization,
            commonName: commonName,
            // An hour back, so leaves can be issued at once and verifiers with a slow clock accept the chain.
            notValidBefore: Date(timeIntervalSince1970: (now.timeIntervalSince1970 - 3600).rounded(.down)),
            validity: TimeInterval(validityYears) * 365.25 * 86_400
        )
        let chainPEM = try generated.keys.chainPEM()
        let contents: [(name: String, text: String, mode: Int)] = [
            (Self.rootFile, chainPEM[1], 0o644),
            (Self.intermediateFile, chainPEM[0], 0o644),
            (Self.chainFile, chainPEM.joined(), 0o644),
            (Self.keyFile, try CertificateAuthorityKeys.privateKeyPEM(generated.intermediateKey, password: password), 0o600),
        ]
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        var written: [URL] = []
        do {
            for file in contents {
                let url = directory.appendingPathComponent(file.name)
                try Self.createNew(url, contents: Array(file.text.utf8), mode: mode_t(file.mode))
                written.append(url)
            }
        } catch {
            // Leaves no half-made CA behind: a chain without its key (or the reverse) is useless.
            for url in written { try? FileManager.default.removeItem(at: url) }
            throw error
        }
        return written
    }

    /// Creates `url` exclusively (`O_EXCL`, so a file that appeared meanwhile is not replaced) with `mode`.
    private static func createNew(_ url: URL, contents: [UInt8], mode: mode_t) throws {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard descriptor >= 0 else {
            throw CAInitError("cannot create \(url.path): \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        // The umask may have narrowed the mode, never widened it; make it exact.
        fchmod(descriptor, mode)
        var offset = 0
        while offset < contents.count {
            let count = contents[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                throw CAInitError("cannot write \(url.path): \(String(cString: strerror(errno)))")
            }
            offset += count
        }
        guard fsync(descriptor) == 0 else {
            throw CAInitError("cannot write \(url.path): \(String(cString: strerror(errno)))")
        }
    }
}

/// Why `signetd ca init` wrote nothing.
struct CAInitError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
