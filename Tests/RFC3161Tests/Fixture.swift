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

    /// The first RFC 3161 timestamp of a Sigstore bundle and the signature bytes it covers
    /// (`messageSignature.signature` or the DSSE `sig`).
    static func sigstoreTimestamp(bundle name: String) throws -> (timestamp: [UInt8], signature: [UInt8]) {
        let json = try JSONSerialization.jsonObject(with: Data(bytes(name))) as? [String: Any]
        let material = json?["verificationMaterial"] as? [String: Any]
        let data = material?["timestampVerificationData"] as? [String: Any]
        let timestamps = data?["rfc3161Timestamps"] as? [[String: Any]]
        let message = json?["messageSignature"] as? [String: Any]
        let envelope = json?["dsseEnvelope"] as? [String: Any]
        let signatures = envelope?["signatures"] as? [[String: Any]]
        guard let timestamp = timestamps?.first?["signedTimestamp"] as? String,
            let signature = (message?["signature"] ?? signatures?.first?["sig"]) as? String,
            let timestampBytes = Data(base64Encoded: timestamp), let signatureBytes = Data(base64Encoded: signature)
        else {
            throw FixtureError.missing("\(name): rfc3161Timestamps[0] or signature")
        }
        return (Array(timestampBytes), Array(signatureBytes))
    }

    /// The `timestampAuthorities` of a trusted root JSON (chains leaf first, `validFor` as given).
    static func timestampAuthorities(trustedRoot name: String) throws -> [TrustedTimestampAuthority] {
        let json = try JSONSerialization.jsonObject(with: Data(bytes(name))) as? [String: Any]
        let entries = json?["timestampAuthorities"] as? [[String: Any]] ?? []
        let dates = ISO8601DateFormatter()
        return try entries.map { entry in
            let chain = (entry["certChain"] as? [String: Any])?["certificates"] as? [[String: Any]] ?? []
            let certificates = try chain.map { certificate in
                try Certificate(derEncoded: Array(Data(base64Encoded: certificate["rawBytes"] as? String ?? "") ?? Data()))
            }
            let validFor = entry["validFor"] as? [String: Any]
            guard let start = (validFor?["start"] as? String).flatMap(dates.date(from:)) else {
                throw FixtureError.missing("\(name): validFor.start")
            }
            let end = (validFor?["end"] as? String).flatMap(dates.date(from:))
            return try TrustedTimestampAuthority(certificateChain: certificates, validFrom: start, validUntil: end, name: entry["uri"] as? String)
        }
    }

    static func request(_ name: String) throws -> TimeStampRequest {
        try TimeStampRequest(bytes: bytes(name))
    }
}

enum FixtureError: Error {
    case missing(String)
}
