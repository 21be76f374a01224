import RFC3161
import SigstoreModels

extension BundleVerifier {
    /// Interop contract §11.7: each timestamp must be granted, signed by a trusted TSA's leaf,
    /// chain at its genTime, lie in the TSA's `validFor` and carry the hash of the signature.
    ///
    /// Any timestamp that fails rejects the bundle, even when other trusted times remain: a
    /// bundle is expected to carry only timestamps its verifiers trust, and an unverifiable one
    /// is a sign of tampering (sigstore-python likewise fails when the root has no TSA).
    func verifyTimestamps(_ timestamps: [SigstoreBundle.RFC3161SignedTimestamp], over signature: [UInt8]) async throws(VerificationError)
        -> [VerifiedTime]
    {
        guard !timestamps.isEmpty else { return [] }
        guard !material.timestampVerifier.trustedAuthorities.isEmpty else {
            throw VerificationError(.invalidTimestamp, "the bundle carries RFC 3161 timestamps, but the trusted root lists no timestamp authority")
        }
        var times: [VerifiedTime] = []
        for (index, timestamp) in timestamps.enumerated() {
            do {
                let verified = try await material.timestampVerifier.verify(timestamp.signedTimestamp, for: signature)
                times.append(VerifiedTime(date: verified.genTime, source: .timestampAuthority(verified.authority.name ?? "")))
            } catch {
                throw VerificationError(.invalidTimestamp, "RFC 3161 timestamp \(index) does not verify: \(error)")
            }
        }
        return times
    }
}
