/// One signature line of a signed note: `— <name> <base64(key hint ‖ signature)>`.
///
/// Lines for keys the verifier does not know are kept as they are, so a note re-formats to the
/// bytes it was parsed from.
public struct NoteSignature: Sendable, Hashable {
    /// The signer's key name (for a checkpoint, normally the log's origin).
    public let name: String
    /// The 32-bit key hint (key ID) that selects the key together with ``name``, big-endian on the wire.
    public let keyHint: UInt32
    /// The signature bytes that follow the key hint; their meaning depends on the key's algorithm.
    public let signature: [UInt8]

    /// The prefix of every signature line: U+2014 EM DASH and a space.
    static let linePrefix = "\u{2014} "

    /// Creates a signature line, checking the key name and that the signature is not empty.
    public init(name: String, keyHint: UInt32, signature: [UInt8]) throws(NoteError) {
        try KeyName.validate(name)
        guard !signature.isEmpty else {
            throw NoteError(.malformedSignature, "signature for \(name) is empty")
        }
        self.name = name
        self.keyHint = keyHint
        self.signature = signature
    }

    /// Parses one line without its terminating newline.
    init(line: Substring) throws(NoteError) {
        guard line.hasPrefix(Self.linePrefix) else {
            throw NoteError(.malformedSignature, "signature line does not start with an em dash and a space")
        }
        let rest = line.dropFirst(Self.linePrefix.count)
        guard let space = rest.firstIndex(of: " ") else {
            throw NoteError(.malformedSignature, "signature line has no space between key name and signature")
        }
        let name = rest[..<space]
        try KeyName.validate(name)
        guard let blob = StrictBase64.decode(rest[rest.index(after: space)...]) else {
            throw NoteError(.malformedSignature, "signature for \(name) is not canonical padded base64")
        }
        // A key hint alone is not a signature: C2SP requires 4 + n bytes with n > 0.
        guard blob.count >= 5 else {
            throw NoteError(.malformedSignature, "signature for \(name) decodes to \(blob.count) bytes, fewer than 5")
        }
        self.name = String(name)
        self.keyHint = KeyHint.value(of: blob)
        self.signature = Array(blob[4...])
    }

    /// The line as it appears in a note, without its terminating newline.
    public var line: String {
        Self.linePrefix + name + " " + StrictBase64.encode(KeyHint.bytes(of: keyHint) + signature)
    }
}
