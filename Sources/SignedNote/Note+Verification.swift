extension Note {
    /// Verifies the note's signatures against trusted keys and returns the lines that verified.
    ///
    /// With ``NoteVerificationPolicy/anyKnownKey`` (the default) a line is checked when its name
    /// and key hint match a verifier; a line that matches and fails makes the whole note fail
    /// (C2SP allows either; failing is what Sigstore clients expect). When several verifiers
    /// match one line (for example the same key listed twice in a trusted root), the line
    /// verifies if any of them accepts it.
    ///
    /// - Throws: ``NoteError/Code-swift.enum/signatureMismatch`` for a bad signature by a known key,
    ///   ``NoteError/Code-swift.enum/unknownKey`` when no known key signed the note (or, in strict
    ///   mode, when a line's key is unknown).
    @discardableResult
    public func verify(
        with verifiers: [any NoteVerifier],
        policy: NoteVerificationPolicy = .anyKnownKey
    ) throws(NoteError) -> [NoteSignature] {
        let message = self.message
        var verified: [NoteSignature] = []
        for signature in signatures {
            let candidates = verifiers.filter { verifier in
                switch policy {
                case .anyKnownKey: verifier.name == signature.name && verifier.keyHint == signature.keyHint
                case .everyLineByKnownKey: verifier.keyHint == signature.keyHint
                }
            }
            guard !candidates.isEmpty else {
                if policy == .everyLineByKnownKey {
                    throw NoteError(.unknownKey, "signature by \(signature.name)+\(KeyHint.hex(signature.keyHint)) is not from a known key")
                }
                continue
            }
            guard candidates.contains(where: { $0.isValidSignature(signature.signature, for: message) }) else {
                throw NoteError(.signatureMismatch, "invalid signature for key \(signature.name)+\(KeyHint.hex(signature.keyHint))")
            }
            if !verified.contains(signature) {
                verified.append(signature)
            }
        }
        guard !verified.isEmpty else {
            throw NoteError(.unknownKey, "note has no signature from a known key")
        }
        return verified
    }
}
