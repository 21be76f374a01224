import SigstoreModels

extension BundleVerifier {
    /// Interop contract §9.1 and §11.1: the version's rules, exactly one log entry, at most
    /// ``VerificationLimits/maximumTimestamps`` timestamps and no duplicates among them.
    static func checkStructure(of bundle: SigstoreBundle) throws(VerificationError) {
        do {
            try bundle.validate(requireSingleTlogEntry: true)
        } catch {
            throw VerificationError(.invalidBundle, "the bundle breaks the rules of \(bundle.mediaType): \(error)")
        }
        // The `certificate` member arrived with v0.3 (interop contract §9.1); older versions
        // carry a chain, so an older media type over a lone certificate is a mislabelled bundle.
        if case .certificate = bundle.verificationMaterial.content, bundle.version < .v0_3 {
            throw VerificationError(.invalidBundle, "a \(bundle.mediaType) bundle carries its leaf in x509CertificateChain, not certificate")
        }
        let timestamps = bundle.verificationMaterial.rfc3161Timestamps
        guard timestamps.count <= VerificationLimits.maximumTimestamps else {
            throw VerificationError(.invalidBundle, "the bundle carries \(timestamps.count) timestamps; at most \(VerificationLimits.maximumTimestamps) are allowed")
        }
        // A repeated timestamp would count one authority's word twice.
        guard Set(timestamps.map(\.signedTimestamp)).count == timestamps.count else {
            throw VerificationError(.invalidBundle, "the bundle carries the same timestamp more than once")
        }
    }
}
