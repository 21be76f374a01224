import CAService
import CTLogService
public import Foundation
import LogEngine
import RFC3161
import SignedNote
import SigstoreCrypto
import SigstoreModels
import TLogService
import TSAService
import X509

extension DevStack {
    /// Writes `DATA/trust_config.json`: the ClientTrustConfig of this stack at `http://host:port`,
    /// which `sigstore --trust-config` and `signet --trust-config` take as-is.
    ///
    /// Every `validFor` starts at the CA root's notBefore, which predates anything the stack signs.
    @discardableResult
    public static func writeTrustConfig(dataDirectory: URL, host: String, port: Int, services: HostedServices) throws -> URL {
        try writeTrustConfig(files: DataDirectory(root: dataDirectory), host: host, port: port, services: services)
    }

    @discardableResult
    static func writeTrustConfig(files: DataDirectory, host: String, port: Int, services: HostedServices) throws -> URL {
        guard let ca = services.certificateAuthority, let ctLog = services.ctLog, let tsa = services.timestampAuthority,
            let root = ca.certificateIssuer.keys.chain.last
        else {
            throw DevStackError("the trust configuration needs the CA, the CT log and the TSA")
        }
        let authority = host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        var rekorLogs: [DevTrustConfig.RekorLog] = []
        if let v1 = services.transparencyLog?.v1 {
            let key = try files.privateKey("tlog/v1/signing-key.pem", creating: .ecdsaP256)
            let signer = try CheckpointSigner.rekorV1(hostname: host, treeID: v1.treeID, key: key)
            rekorLogs.append(.init(majorAPIVersion: 1, publicKey: key.publicKey, logID: signer.logID.bytes))
        }
        if services.transparencyLog?.v2 != nil {
            let key = try files.privateKey("tlog/v2/signing-key.pem", creating: .ed25519)
            let signer = try CheckpointSigner.rekorV2(hostname: host, key: key)
            rekorLogs.append(.init(majorAPIVersion: 2, publicKey: key.publicKey, logID: signer.logID.bytes))
        }
        let config = DevTrustConfig(
            baseURL: "http://\(authority)",
            certificateAuthorityChain: ca.certificateIssuer.keys.chain,
            ctLogKey: ctLog.publicKey,
            rekorLogs: rekorLogs,
            timestampAuthorityChain: tsa.certificateChain.certificates,
            validFrom: root.notValidBefore
        )
        let json = try ProtoJSON.encode(try config.clientTrustConfig(), pretty: true)
        try files.write(String(decoding: json, as: UTF8.self), to: "trust_config.json", secret: false)
        return files.url("trust_config.json")
    }
}

/// Why the dev stack could not be assembled.
struct DevStackError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
    }
}
