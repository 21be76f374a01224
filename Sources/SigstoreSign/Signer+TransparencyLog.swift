import Foundation
import ServiceClients
import SigstoreModels

extension Signer {
    /// Logs the signature in `log`: hashedrekord 0.0.1 or dsse 0.0.1 on Rekor v1, hashedrekord
    /// 0.0.2 (over the PAE for DSSE) on Rekor v2. The clients check the logged body is the one sent.
    func record(_ signed: SignedContent, identity: SigningIdentity, in log: SigningConfig.Service) async throws -> TransparencyLogEntry {
        do {
            if log.majorApiVersion >= 2 {
                let request: RekorV2.HashedRekordRequest
                switch signed.kind {
                case .message(let digest, _):
                    request = .init(digest: digest, signature: .init(content: signed.signature, verifier: identity.rekorV2Verifier))
                case .envelope(let envelope):
                    request = try .init(envelope: envelope, signature: signed.signature, verifier: identity.rekorV2Verifier)
                }
                return try await RekorV2WriteClient(baseURL: log.url).createEntry(request)
            }
            let proposal: ProposedEntry
            switch signed.kind {
            case .message(let digest, let hash):
                proposal = .hashedRekordV001(.init(
                    signature: signed.signature, publicKey: Array(identity.verifierPEM.utf8),
                    data: try RekorHash(algorithm: SignedContent.rekorHash(hash), digest: digest)
                ))
            case .envelope(let envelope):
                let text = String(decoding: try ProtoJSON.encode(envelope), as: UTF8.self)
                proposal = .dsseV001(.init(envelope: text, verifiers: [Array(identity.verifierPEM.utf8)]))
            }
            return try await RekorV1WriteClient(baseURL: log.url).createEntry(proposal)
        } catch let error as ServiceClientError {
            let code: SigningError.Code = error.code == .malformedResponse ? .inconsistentResponse : .service
            throw SigningError(code, error.message)
        } catch let error as SigningError {
            throw error
        } catch {
            throw SigningError(.invalidContent, "the log entry cannot be built: \(error)")
        }
    }
}
