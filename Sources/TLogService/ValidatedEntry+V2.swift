import LogEngine
public import SigstoreModels
import SigstoreCrypto

extension ValidatedEntry {
    /// Validates a Rekor v2 request: `keyDetails` must name the key's type, the digest length
    /// the hash it implies, and the signature must verify as a prehash signature over the digest.
    ///
    /// - Throws: ``RekorError/Code/invalidEntry``; pure Ed25519, Ed25519ph and `dsseRequestV002`
    ///   are refused with a message saying so.
    public init(v2Request request: RekorV2.CreateEntryRequest) throws(RekorError) {
        guard case .hashedRekord(let hashedRekord) = request else {
            throw RekorError(.invalidEntry, "dsseRequestV002 is not accepted (rekor-tiles removed it in v2.3.0); log a hashedRekordRequestV002 over the PAE digest")
        }
        let verifier = hashedRekord.signature.verifier
        let material: SigningMaterial
        switch verifier.key {
        case .publicKey(let der):
            do {
                material = SigningMaterial(publicKey: try PublicKey(derEncoded: der))
            } catch {
                throw RekorError(.invalidEntry, "publicKey.rawBytes is not a DER SubjectPublicKeyInfo: \(error)")
            }
        case .x509Certificate(let der):
            material = try SigningMaterial(certificateDER: der)
        }
        guard let details = PublicKeyDetails(rawValue: verifier.keyDetails) else {
            throw RekorError(.invalidEntry, "keyDetails \(String(reflecting: verifier.keyDetails)) is not a key type Rekor v2 accepts")
        }
        guard details.isCompatible(with: material.publicKey.algorithm) else {
            throw RekorError(.invalidEntry, "keyDetails \(details.rawValue) does not match the \(material.publicKey.algorithm) key")
        }
        if details == .pkixEd25519ph {
            throw RekorError(.invalidEntry, "PKIX_ED25519_PH is not supported by this log")
        }
        let logged: RekorV2.HashedRekordLogEntry
        do {
            logged = try RekorV2.HashedRekordLogEntry(request: hashedRekord)
        } catch {
            throw RekorError(.invalidEntry, "\(error)")
        }
        guard let hash = HashAlgorithm(protobufName: logged.data.algorithm.rawValue) else {
            throw RekorError(.invalidEntry, "\(logged.data.algorithm.rawValue) is not a usable digest algorithm")
        }
        guard material.publicKey.isValidSignature(hashedRekord.signature.content, forDigest: hashedRekord.digest, hash: hash, details: details) else {
            throw RekorError(.invalidEntry, "the signature does not verify against the given key over the \(hash.rawValue) digest")
        }
        var keys = material.searchKeys
        if hash == .sha256, let key = try? SearchKey(.artifactSHA256, Hex.encode(hashedRekord.digest)) {
            keys.append(key)
        }
        try self.init(entry: .hashedRekordV002(logged), searchKeys: keys)
    }
}
