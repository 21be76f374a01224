import CAService
import CTLogService
public import Foundation
import RFC3161
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
            rekorLogs.append(.init(majorAPIVersion: 1, publicKey: v1.publicKey, logID: v1.logIDBytes))
        }
        if let v2 = services.transparencyLog?.v2 {
            rekorLogs.append(.init(majorAPIVersion: 2, publicKey: v2.publicKey, logID: v2.logID))
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
