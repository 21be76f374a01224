extension Note {
    /// Signs the body with each signer and appends their lines.
    ///
    /// An existing line with the same key name and hint as a signer is replaced, as
    /// golang.org/x/mod/sumdb/note does, so re-signing never duplicates a key's line.
    public mutating func sign(with signers: [any NoteSigner]) async throws {
        let message = self.message
        var added: [NoteSignature] = []
        for signer in signers {
            let bytes = try await signer.signature(for: message)
            added.append(try NoteSignature(name: signer.name, keyHint: signer.keyHint, signature: bytes))
        }
        let kept = signatures.filter { old in
            !added.contains { $0.name == old.name && $0.keyHint == old.keyHint }
        }
        guard kept.count + added.count <= NoteLimits.maximumSignatureCount else {
            throw NoteError(.tooManySignatures, "a note may carry at most \(NoteLimits.maximumSignatureCount) signatures")
        }
        signatures = kept + added
    }

    /// Creates a note by signing `body` with each of `signers`.
    public static func signing(body: String, with signers: [any NoteSigner]) async throws -> Note {
        guard !signers.isEmpty else {
            throw NoteError(.malformedNote, "a signed note needs at least one signer")
        }
        var note = try Note(body: body)
        try await note.sign(with: signers)
        return note
    }
}
