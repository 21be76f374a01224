import Foundation
import SigstoreTestSupport

/// Runs the `openssl` command-line tool, to check our certificates with an independent parser.
enum OpenSSL {
    /// `openssl x509 -text -noout` of a DER certificate.
    static func text(ofCertificate der: [UInt8]) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ct-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("certificate.der")
        try Data(der).write(to: file)

        return try SigstoreTestSupport.OpenSSL.result(
            ["x509", "-inform", "DER", "-in", file.path, "-text", "-noout"], separateErrorOutput: true).output
    }

    /// Whether the tool can be run here.
    static var isAvailable: Bool {
        ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// `bytes` as openssl prints them in SCT fields: upper-case hex pairs joined by colons.
    static func colonHex(_ bytes: [UInt8]) -> String {
        bytes.map { String(format: "%02X", $0) }.joined(separator: ":")
    }
}
