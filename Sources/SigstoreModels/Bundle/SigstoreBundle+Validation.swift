extension SigstoreBundle {
    /// Checks the structure rules of interop-contract §9.1 and §11.1 that need no keys:
    ///
    /// - exactly one of `messageSignature` and `dsseEnvelope`; a DSSE envelope has exactly
    ///   one signature;
    /// - signer material is present, and a v0.3 bundle does not carry a certificate chain;
    /// - with `requireSingleTlogEntry` (what sigstore-python and this library's verifier
    ///   expect), exactly one transparency log entry;
    /// - each entry passes ``TransparencyLogEntry/validate()``; v0.1 entries have an
    ///   inclusion promise, v0.2 and later entries an inclusion proof (with checkpoint);
    /// - v0.2 and later have a source of signed time: an inclusion promise or an RFC 3161
    ///   timestamp.
    ///
    /// Errors name the offending member, e.g. `verificationMaterial.tlogEntries[0].inclusionProof`.
    public func validate(requireSingleTlogEntry: Bool = true) throws(ModelError) {
        switch content {
        case nil:
            throw ModelError(.missingField, field: "messageSignature", "a bundle needs a messageSignature or a dsseEnvelope")
        case .dsseEnvelope(let envelope) where envelope.signatures.count != 1:
            throw ModelError(.invalidValue, field: "dsseEnvelope.signatures",
                             "a bundle's DSSE envelope needs exactly one signature, not \(envelope.signatures.count)")
        default:
            break
        }
        try validateSignerMaterial()
        try validateTlogEntries(requireSingle: requireSingleTlogEntry)
    }

    private func validateSignerMaterial() throws(ModelError) {
        switch verificationMaterial.content {
        case nil:
            let name = version >= .v0_3 ? "certificate" : "x509CertificateChain"
            throw ModelError(.missingField, field: "verificationMaterial.\(name)", "the bundle names no certificate or key")
        case .x509CertificateChain where version >= .v0_3:
            throw ModelError(.invalidValue, field: "verificationMaterial.x509CertificateChain",
                             "a v0.3 bundle carries the leaf as certificate, never a chain")
        case .x509CertificateChain(let chain) where chain.certificates.isEmpty:
            throw ModelError(.missingField, field: "verificationMaterial.x509CertificateChain.certificates", "the chain is empty")
        default:
            break
        }
    }

    private func validateTlogEntries(requireSingle: Bool) throws(ModelError) {
        let entries = verificationMaterial.tlogEntries
        if requireSingle && entries.isEmpty {
            throw ModelError(.missingField, field: "verificationMaterial.tlogEntries", "the bundle has no transparency log entry")
        }
        if requireSingle && entries.count > 1 {
            throw ModelError(.invalidValue, field: "verificationMaterial.tlogEntries",
                             "the bundle has \(entries.count) transparency log entries, not one")
        }
        for (index, entry) in entries.enumerated() {
            let prefix = "verificationMaterial.tlogEntries[\(index)]"
            try entry.validate(at: prefix)
            if version == .v0_1 && entry.inclusionPromise == nil {
                throw ModelError(.missingField, field: prefix + ".inclusionPromise", "a v0.1 bundle entry needs an inclusion promise")
            }
            if version >= .v0_2 && entry.inclusionProof == nil {
                throw ModelError(.missingField, field: prefix + ".inclusionProof", "a v0.2 or later bundle entry needs an inclusion proof")
            }
            if version >= .v0_2 && entry.inclusionProof?.checkpoint == nil {
                throw ModelError(.missingField, field: prefix + ".inclusionProof.checkpoint",
                                 "a v0.2 or later bundle entry's inclusion proof needs its checkpoint")
            }
        }
        let hasPromise = entries.contains { $0.inclusionPromise != nil }
        if version >= .v0_2 && !hasPromise && verificationMaterial.rfc3161Timestamps.isEmpty {
            throw ModelError(.missingField, field: "verificationMaterial.timestampVerificationData",
                             "a v0.2 or later bundle needs an inclusion promise or an RFC 3161 timestamp")
        }
    }
}
