import Foundation
import RFC3161
import SwiftASN1
import X509

/// Loads files from the `Fixtures` resource folder (see Fixtures/README.md).
enum Fixture {
    static func url(_ name: String) throws -> URL {
        let file = name as NSString
        guard let url = Bundle.module.url(
            forResource: file.deletingPathExtension,
            withExtension: file.pathExtension,
            subdirectory: "Fixtures"
        ) else {
            throw FixtureError.missing(name)
        }
        return url
    }

    static func bytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: url(name)))
    }

    static func text(_ name: String) throws -> String {
        try String(decoding: Data(contentsOf: url(name)), as: UTF8.self)
    }

    /// The bytes every fixture query timestamps.
    static func data() throws -> [UInt8] {
        try bytes("data.txt")
    }

    static func chain(_ name: String) throws -> [Certificate] {
        try TSACertificateChain(pemEncoded: text(name)).certificates
    }

    /// A trusted TSA for a fixture chain, valid from its leaf's notBefore with no end.
    static func authority(_ chainName: String, validFrom: Date? = nil, validUntil: Date? = nil) throws -> TrustedTimestampAuthority {
        let chain = try chain(chainName)
        return try TrustedTimestampAuthority(
            certificateChain: chain,
            validFrom: validFrom ?? chain[0].notValidBefore,
            validUntil: validUntil,
            name: chainName
        )
    }

    static func request(_ name: String) throws -> TimeStampRequest {
        try TimeStampRequest(bytes: bytes(name))
    }
}

enum FixtureError: Error {
    case missing(String)
}
