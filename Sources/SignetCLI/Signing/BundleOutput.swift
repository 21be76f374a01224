import Foundation
import SigstoreModels
import SwiftASN1
import X509

/// Writes what a signing command produced: the bundle, and optionally the bare signature and
/// certificate (cosign's `--output-signature` / `--output-certificate`).
struct BundleOutput {
    var bundlePath: String
    var signaturePath: String?
    var certificatePath: String?

    func write(_ bundle: SigstoreBundle) throws {
        let json: [UInt8]
        do {
            json = try ProtoJSON.encode(bundle, pretty: true)
        } catch {
            throw CLIError(.invalidDocument, "the bundle cannot be encoded: \(error)")
        }
        try LocalFile.write(String(decoding: json, as: UTF8.self), to: bundlePath)
        if let signaturePath {
            let signature: [UInt8] = switch bundle.content {
            case .messageSignature(let message): message.signature
            case .dsseEnvelope(let envelope): envelope.signatures.first?.sig ?? []
            case nil: []
            }
            try LocalFile.write(Data(signature).base64EncodedString(), to: signaturePath)
        }
        if let certificatePath {
            guard let leaf = bundle.verificationMaterial.leafCertificate else {
                throw CLIError(.invalidArgument, "--output-certificate: a key-based bundle has no certificate")
            }
            let pem = try Certificate(derEncoded: leaf.rawBytes).serializeAsPEM().pemString
            try LocalFile.write(pem, to: certificatePath)
        }
    }
}
