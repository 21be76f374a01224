public import CertificateTransparency
import Crypto
public import Foundation
public import LogEngine
public import Logging
import Merkle
public import SigstoreCrypto
public import X509

/// An RFC 6962 certificate transparency log on the shared log engine, without HTTP.
///
/// Submissions (`add-chain`, `add-pre-chain`) are checked against the ``AcceptedRoots``, stamped
/// with the injected clock, signed as an SCT and appended as a `MerkleTreeLeaf` through the
/// ``Sequencer``: the SCT is answered only once its leaf is durable. The chain each entry came
/// with is kept for `get-entries` (its `extra_data`). Resubmitting a certificate answers an SCT
/// for the entry already logged, with its original timestamp, instead of logging it again.
///
/// Tree heads are signed on demand (`get-sth`) as TLS `TreeHeadSignature`s with the log key;
/// the engine's own checkpoints are kept too but CT clients do not read them.
public struct CTLog: Sendable {
    /// The most entries one `get-entries` answers, like public logs' caps.
    public static let maximumEntriesPerRequest: UInt64 = 256

    /// The roots chains must end at.
    public let roots: AcceptedRoots
    /// Signs SCTs; its ``SCTSigner/logID`` is the log ID clients know the log by.
    public let signer: SCTSigner
    let sequencer: Sequencer
    let reader: LogReader
    let archive: ChainArchive
    let now: @Sendable () -> Date

    /// Creates a log; a new storage gets its empty tree head on the first request.
    ///
    /// - Parameters:
    ///   - roots: the accepted roots.
    ///   - key: the log key, ECDSA P-256 or RSA: it signs SCTs, tree heads and checkpoints.
    ///   - storage: the tree (one `MerkleTreeLeaf` per entry).
    ///   - chainStorage: another storage, for the submitted chains (see `get-entries`).
    ///   - hostname: names the log in the engine's checkpoints (a bare hostname).
    ///   - configuration: batching of commits.
    ///   - now: the clock SCTs and tree heads are stamped with.
    /// - Throws: ``CTLogError/Code/internalFailure`` for an unusable key or hostname.
    public init(
        roots: AcceptedRoots,
        key: any KeySigner,
        storage: any LogStorage,
        chainStorage: any LogStorage,
        hostname: String = "ctlog.signet.dev",
        configuration: SequencerConfiguration = SequencerConfiguration(),
        now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "signet.ctlog")
    ) throws {
        do {
            signer = try SCTSigner(signer: key)
            let treeSigner = try CheckpointSigner.rekorV2(hostname: hostname, key: key)
            let chainSigner = try CheckpointSigner.rekorV2(hostname: "chains.\(hostname)", key: key)
            sequencer = Sequencer(storage: storage, signer: treeSigner, configuration: configuration, now: now, logger: logger)
            archive = ChainArchive(
                sequencer: Sequencer(storage: chainStorage, signer: chainSigner, configuration: configuration, now: now, logger: logger),
                reader: LogReader(storage: chainStorage)
            )
        } catch {
            throw CTLogError(.internalFailure, "cannot run a CT log with this key: \(error)")
        }
        self.roots = roots
        reader = LogReader(storage: storage)
        self.now = now
    }

    /// The log key's public half, as clients' trust roots list it.
    public var publicKey: PublicKey { signer.signer.publicKey }

    /// `add-chain`: logs a final certificate (`x509_entry`) and returns its SCT.
    ///
    /// - Throws: ``CTLogError/Code/invalidSubmission`` for a chain that does not reach an accepted
    ///   root or a precertificate; ``CTLogError/Code/unavailable`` when the log pushes back.
    public func addChain(_ chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        let path = try roots.path(completing: chain)
        guard (try? path[0].extensions.precertificatePoison) == nil else {
            throw CTLogError(.invalidSubmission, "a precertificate goes to add-pre-chain, not add-chain")
        }
        let entry = try submissionError { try SignedEntry(certificate: path[0]) }
        var extraData: [UInt8] = []
        extraData.appendVector(Self.certificateList(path.dropFirst()), lengthBytes: 3)
        return try await log(entry, submitted: path[0], extraData: extraData)
    }

    /// `add-pre-chain`: logs a precertificate (`precert_entry`, bound to the key of the CA after
    /// it in the chain) and returns the SCT to embed in the final certificate.
    ///
    /// - Throws: ``CTLogError/Code/invalidSubmission`` for a chain that does not reach an accepted
    ///   root or a precertificate without the critical poison.
    public func addPreChain(_ chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        try await addPreChain(chain, isNew: false)
    }

    /// `add-pre-chain` for a precertificate its caller has just signed with a fresh random serial
    /// number (the CA in the same process): it cannot have been logged before, so the lookup of
    /// an earlier SCT for it is skipped. The chain is checked like any other.
    public func addNewPreChain(_ chain: [Certificate]) async throws -> SignedCertificateTimestamp {
        try await addPreChain(chain, isNew: true)
    }

    private func addPreChain(_ chain: [Certificate], isNew: Bool) async throws -> SignedCertificateTimestamp {
        let path = try roots.path(completing: chain)
        let entry = try submissionError { try SignedEntry(precertificate: path[0], issuer: path[1]) }
        // PrecertChainEntry: the precertificate, then the rest of its chain.
        var extraData: [UInt8] = []
        extraData.appendVector(ChainSubmission.der(path[0]), lengthBytes: 3)
        extraData.appendVector(Self.certificateList(path.dropFirst()), lengthBytes: 3)
        return try await log(entry, submitted: path[0], extraData: extraData, isNew: isNew)
    }

    private func log(_ entry: SignedEntry, submitted certificate: Certificate, extraData: [UInt8], isNew: Bool = false) async throws -> SignedCertificateTimestamp {
        let key = try engineError {
            try SearchKey(.artifactSHA256, Hex.encode(SHA256.hash(data: ChainSubmission.der(certificate))))
        }
        if !isNew, let earlier = try await loggedTimestamp(for: entry, key: key) {
            return earlier
        }
        let sct = try await engineError { try await signer.signedCertificateTimestamp(for: entry, at: now()) }
        let leaf = try engineError { try sct.merkleTreeLeaf(for: entry) }
        let leafHash = MerkleHash.leaf(leaf)
        // Both must be durable before the SCT is a promise the log can keep.
        async let archived: Void = archive.store(extraData, forLeafHash: leafHash)
        async let appended = sequencer.submit(EntrySubmission(body: leaf, searchKeys: [key]))
        do {
            _ = try await (archived, appended)
        } catch {
            throw Self.translated(error)
        }
        return sct
    }

    /// An SCT for `entry` as already logged (same timestamp, so the same leaf), if it is.
    private func loggedTimestamp(for entry: SignedEntry, key: SearchKey) async throws -> SignedCertificateTimestamp? {
        try await engineError {
            for index in try await reader.indices(matching: key) {
                guard let logged = try await reader.entry(at: index),
                      let milliseconds = logged.body.bigEndianInteger(at: 2, byteCount: 8)
                else { continue }
                // Half a millisecond past the stamp, so that rounding down to milliseconds gives it back.
                let time = Date(timeIntervalSince1970: (Double(milliseconds) + 0.5) / 1000)
                let sct = try await signer.signedCertificateTimestamp(for: entry, at: time)
                if try sct.merkleTreeLeaf(for: entry) == logged.body {
                    return sct
                }
            }
            return nil
        }
    }

    static func certificateList(_ certificates: some Sequence<Certificate>) -> [UInt8] {
        var list: [UInt8] = []
        for certificate in certificates {
            list.appendVector(ChainSubmission.der(certificate), lengthBytes: 3)
        }
        return list
    }
}
