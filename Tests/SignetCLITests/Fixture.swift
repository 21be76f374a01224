import Crypto
import Foundation
import SigstoreModels
import Testing

/// Files in the test target's `Fixtures/` folder (see its README for where each came from).
enum Fixture {
    static func url(_ path: String) throws -> URL {
        try #require(Bundle.module.url(forResource: path, withExtension: nil, subdirectory: "Fixtures"), "missing fixture \(path)")
    }

    static func path(_ path: String) throws -> String {
        try url(path).path
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(path)))
    }

    static func trustedRoot(_ name: String) throws -> TrustedRoot {
        try ProtoJSON.decode(TrustedRoot.self, from: bytes(name))
    }

    /// `sha256:<hex>` of a fixture file.
    static func sha256Reference(_ path: String) throws -> String {
        "sha256:" + SHA256.hash(data: try bytes(path)).map { String(format: "%02x", $0) }.joined()
    }

    /// The npm registry key `SHA256:jl3bwswu80PjjokCgh0o2w5c2U4LhQAE57gj9cz1kzA` as published at
    /// https://registry.npmjs.org/-/npm/v1/keys (expired 2025-01-29), in PEM.
    static let npmRegistryKeyPEM = """
        -----BEGIN PUBLIC KEY-----
        MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE1Olb3zMAFFxXKHiIkQO5cJ3Yhl5i
        6UPp+IhuteBJbuHcA5UogKo0EWtlWwW6KSaKoTNEYL7JlCQiVnkhBktUgg==
        -----END PUBLIC KEY-----

        """

    /// The SHA-512 of npm `sigstore@1.3.0`, the subject of its publish attestation.
    static let npmPublishSubject =
        "sha512:76176ffa33808b54602c7c35de5c6e9a4deb96066dba6533f50ac234f4f1f4c6b3527515dc17c06fbe2860030f410eee69ea20079bd3a2c6f3dcf3b329b10751"
}

/// Parses JSON text the way a machine reading `--output json` would.
func jsonObject(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not a JSON object: \(text)")
}
