/// A transparency log checkpoint (C2SP tlog-checkpoint): the body of a signed note.
///
/// ```
/// <origin>\n
/// <tree size, decimal>\n
/// <base64 root hash>\n
/// [<extension line>\n …]
/// ```
/// Parsing is strict so that ``body`` reproduces the parsed text byte for byte.
public struct Checkpoint: Sendable, Hashable {
    /// The log's identity, e.g. `log2025-1.rekor.sigstore.dev` or `rekor.sigstore.dev - 1193050959916656506`.
    public let origin: String
    /// The number of leaves in the tree.
    public let treeSize: UInt64
    /// The RFC 6962 root hash of the tree at ``treeSize`` (32 bytes).
    public let rootHash: [UInt8]
    /// Opaque, non-empty lines after the root hash.
    public let extensionLines: [String]

    /// The length of an RFC 6962 SHA-256 root hash.
    static let rootHashLength = 32

    /// Creates a checkpoint, checking that every line is non-empty and free of newlines and
    /// control characters, and that the root hash is 32 bytes.
    public init(origin: String, treeSize: UInt64, rootHash: [UInt8], extensionLines: [String] = []) throws(NoteError) {
        try Self.validate(line: origin, what: "origin")
        for line in extensionLines {
            try Self.validate(line: line, what: "extension line")
        }
        guard rootHash.count == Self.rootHashLength else {
            throw NoteError(.malformedCheckpoint, "checkpoint root hash is \(rootHash.count) bytes, not \(Self.rootHashLength)")
        }
        self.origin = origin
        self.treeSize = treeSize
        self.rootHash = rootHash
        self.extensionLines = extensionLines
    }

    /// Parses a checkpoint from a note body (which ends in a newline).
    public init(body: String) throws(NoteError) {
        guard body.hasSuffix("\n") else {
            throw NoteError(.malformedCheckpoint, "checkpoint does not end in a newline")
        }
        let lines = body.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count >= 3 else {
            throw NoteError(.malformedCheckpoint, "checkpoint has \(lines.count) lines; origin, tree size and root hash are required")
        }
        guard let size = Self.parseTreeSize(lines[1]) else {
            throw NoteError(.malformedCheckpoint, "checkpoint tree size \(String(reflecting: String(lines[1]))) is not a decimal number without leading zeros that fits in 64 bits")
        }
        guard let root = StrictBase64.decode(lines[2]) else {
            throw NoteError(.malformedCheckpoint, "checkpoint root hash is not canonical padded base64")
        }
        try self.init(origin: String(lines[0]), treeSize: size, rootHash: root, extensionLines: lines.dropFirst(3).map(String.init))
    }

    /// Parses the checkpoint carried by a signed note (which is not verified here).
    public init(note: Note) throws(NoteError) {
        try self.init(body: note.body)
    }

    /// The note body: origin, size, root hash and extension lines, each ending in a newline.
    public var body: String {
        var text = origin + "\n" + String(treeSize) + "\n" + StrictBase64.encode(rootHash) + "\n"
        for line in extensionLines {
            text += line + "\n"
        }
        return text
    }

    /// Decimal digits only, no sign, no leading zeros except for "0" itself.
    private static func parseTreeSize(_ text: Substring) -> UInt64? {
        guard !text.isEmpty, text.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        guard text == "0" || text.first != "0" else { return nil }
        return UInt64(text)
    }

    private static func validate(line: String, what: String) throws(NoteError) {
        guard !line.isEmpty else {
            throw NoteError(.malformedCheckpoint, "checkpoint \(what) is empty")
        }
        guard !line.unicodeScalars.contains(where: { $0.value < 0x20 }) else {
            throw NoteError(.malformedCheckpoint, "checkpoint \(what) contains a newline or control character")
        }
    }
}
