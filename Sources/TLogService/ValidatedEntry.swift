import Crypto
public import LogEngine
public import SigstoreModels
import SigstoreCrypto

/// An entry whose signatures were verified, in the canonical form the log stores: what
/// both Rekor APIs hand to the ``Sequencer``.
public struct ValidatedEntry: Sendable, Hashable {
    /// The logged entry.
    public var entry: RekorEntry
    /// RFC 8785 bytes of ``entry``: the leaf data.
    public var canonicalBody: [UInt8]
    /// Artifact digest, key fingerprint and certificate identities.
    public var searchKeys: [SearchKey]

    /// What the sequencer is given.
    public var submission: EntrySubmission {
        EntrySubmission(body: canonicalBody, searchKeys: searchKeys, kind: entry.kind)
    }

    init(entry: RekorEntry, searchKeys: [SearchKey]) throws(RekorError) {
        self.entry = entry
        do {
            canonicalBody = try entry.canonicalBody()
        } catch {
            throw RekorError(.invalidEntry, "the entry cannot be canonicalized: \(error)")
        }
        self.searchKeys = Array(Set(searchKeys)).sorted { ($0.kind.rawValue, $0.value) < ($1.kind.rawValue, $1.value) }
    }

    /// Validates a Rekor v1 proposed entry: the signature over the digest (hashedrekord), or
    /// every envelope signature over the PAE (dsse), with keys re-encoded as canonical PEM.
    ///
    /// - Throws: ``RekorError/Code/invalidEntry``.
    public init(proposed: ProposedEntry) throws(RekorError) {
        switch proposed {
        case .hashedRekordV001(let spec):
            let material = try SigningMaterial(pemOrDER: spec.publicKey)
            let hash = Self.hashAlgorithm(spec.data.algorithm)
            guard material.publicKey.algorithm != .ed25519 else {
                throw RekorError(.invalidEntry, "an Ed25519 key cannot sign a prehashed digest (Ed25519ph is not supported)")
            }
            guard material.publicKey.isValidSignature(spec.signature, forDigest: spec.data.digest, hash: hash) else {
                throw RekorError(.invalidEntry, "the signature does not verify against the given key over the \(hash.rawValue) digest")
            }
            var keys = material.searchKeys
            if hash == .sha256, let key = try? SearchKey(.artifactSHA256, spec.data.hexValue) {
                keys.append(key)
            }
            try self.init(entry: .hashedRekordV001(spec.withCanonicalPublicKey(material.canonicalPEM)), searchKeys: keys)
        case .dsseV001(let proposal):
            try self.init(dsse: proposal)
        }
    }

    private init(dsse proposal: RekorV1.DSSEProposal) throws(RekorError) {
        let envelope: DSSEEnvelope
        do {
            envelope = try ProtoJSON.decode(DSSEEnvelope.self, from: Array(proposal.envelope.utf8))
        } catch {
            throw RekorError(.invalidEntry, "the DSSE envelope cannot be read: \(error)")
        }
        guard !envelope.signatures.isEmpty, envelope.signatures.count == proposal.verifiers.count else {
            throw RekorError(.invalidEntry, "the envelope has \(envelope.signatures.count) signatures but \(proposal.verifiers.count) verifiers were given")
        }
        var materials: [SigningMaterial] = []
        for verifier in proposal.verifiers {
            materials.append(try SigningMaterial(pemOrDER: verifier))
        }
        // Every verifier must account for one signature, as Rekor's threshold of all verifiers demands.
        let pae = envelope.preAuthEncoding
        var unused = Array(materials.indices)
        var ordered: [String] = []
        for (position, signature) in envelope.signatures.enumerated() {
            guard let match = unused.firstIndex(where: { materials[$0].publicKey.isValidSignature(signature.sig, for: pae) }) else {
                throw RekorError(.invalidEntry, "envelope signature \(position) does not verify over the PAE with any given verifier")
            }
            ordered.append(materials[unused[match]].canonicalPEM)
            unused.remove(at: match)
        }
        let entry: RekorV1.DSSEEntry
        do {
            entry = try RekorV1.DSSEEntry(proposal: proposal, canonicalVerifiers: ordered)
        } catch {
            throw RekorError(.invalidEntry, "the DSSE entry cannot be built: \(error)")
        }
        var keys = materials.flatMap(\.searchKeys)
        if let key = try? SearchKey(.artifactSHA256, entry.payloadHash.hexValue) {
            keys.append(key)
        }
        try self.init(entry: .dsseV001(entry), searchKeys: keys)
    }

    static func hashAlgorithm(_ algorithm: RekorHash.Algorithm) -> HashAlgorithm {
        switch algorithm {
        case .sha256: .sha256
        case .sha384: .sha384
        case .sha512: .sha512
        }
    }
}
