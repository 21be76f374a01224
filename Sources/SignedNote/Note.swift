/// A signed note (C2SP signed-note): a text body followed by a blank line and signature lines.
///
/// ```
/// <body line>\n
/// [<body line>\n …]
/// \n
/// — <key name> <base64(key hint ‖ signature)>\n
/// [— <key name> <base64(…)>\n …]
/// ```
/// The signed message is ``body``: everything before the last blank line, including its final
/// newline. Parsing is strict (UTF-8, no control characters other than newline, canonical base64)
/// and lossless: ``formatted`` gives back exactly the parsed text.
public struct Note: Sendable, Hashable {
    /// The signed text, ending in a newline.
    public let body: String
    /// The signature lines in the order they appear.
    public internal(set) var signatures: [NoteSignature]

    /// Creates a note from a body and (optionally) existing signatures.
    ///
    /// The body must end in a newline, contain something other than newlines, and contain no
    /// control characters other than newline.
    public init(body: String, signatures: [NoteSignature] = []) throws(NoteError) {
        try Self.validate(body: Array(body.utf8))
        guard signatures.count <= NoteLimits.maximumSignatureCount else {
            throw NoteError(.tooManySignatures, "a note may carry at most \(NoteLimits.maximumSignatureCount) signatures")
        }
        self.body = body
        self.signatures = signatures
    }

    /// Parses a signed note from its text.
    public init(parsing text: String) throws(NoteError) {
        try self.init(parsing: Array(text.utf8))
    }

    /// Parses a signed note from its UTF-8 bytes.
    public init(parsing bytes: [UInt8]) throws(NoteError) {
        guard bytes.count <= NoteLimits.maximumNoteSize else {
            throw NoteError(.noteTooLarge, "note is \(bytes.count) bytes, more than \(NoteLimits.maximumNoteSize)")
        }
        try Self.rejectControlCharacters(in: bytes)
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw NoteError(.malformedNote, "note is not valid UTF-8")
        }
        // The body ends at the last blank line: signature lines are never empty, so the last
        // "\n\n" is the separator even when the body itself contains blank lines.
        guard let split = Self.lastBlankLine(in: bytes) else {
            throw NoteError(.malformedNote, "note has no blank line between its body and its signatures")
        }
        let bodyBytes = Array(bytes[...split])
        try Self.validate(body: bodyBytes)
        let block = bytes[(split + 2)...]
        guard block.last == UInt8(ascii: "\n") else {
            throw NoteError(.malformedNote, "note has no signature lines or does not end in a newline")
        }
        let lines = block.dropLast().split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        guard lines.count <= NoteLimits.maximumSignatureCount else {
            throw NoteError(.tooManySignatures, "note has \(lines.count) signature lines, more than \(NoteLimits.maximumSignatureCount)")
        }
        var signatures: [NoteSignature] = []
        signatures.reserveCapacity(lines.count)
        for line in lines {
            // Validated as UTF-8 above, and splitting at an ASCII newline keeps each line valid.
            signatures.append(try NoteSignature(line: Substring(decoding: line, as: UTF8.self)))
        }
        self.body = String(decoding: bodyBytes, as: UTF8.self)
        self.signatures = signatures
    }

    /// The note text: the body, a blank line, then one line per signature.
    public var formatted: String {
        var text = body + "\n"
        for signature in signatures {
            text += signature.line + "\n"
        }
        return text
    }

    /// The signed message: the UTF-8 bytes of ``body``.
    public var message: [UInt8] { Array(body.utf8) }

    private static func validate(body: [UInt8]) throws(NoteError) {
        guard body.count <= NoteLimits.maximumNoteSize else {
            throw NoteError(.noteTooLarge, "note body is \(body.count) bytes, more than \(NoteLimits.maximumNoteSize)")
        }
        guard body.last == UInt8(ascii: "\n") else {
            throw NoteError(.malformedNote, "note body does not end in a newline")
        }
        guard body.contains(where: { $0 != UInt8(ascii: "\n") }) else {
            throw NoteError(.malformedNote, "note body is empty")
        }
        try rejectControlCharacters(in: body)
    }

    private static func rejectControlCharacters(in bytes: [UInt8]) throws(NoteError) {
        if let byte = bytes.first(where: { $0 < 0x20 && $0 != UInt8(ascii: "\n") }) {
            let what = byte == UInt8(ascii: "\r") ? "a carriage return (CRLF line endings?)" : "control character 0x\(String(byte, radix: 16))"
            throw NoteError(.malformedNote, "note contains \(what)")
        }
    }

    /// The index of the first newline of the last "\n\n" in `bytes`.
    private static func lastBlankLine(in bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        var index = bytes.count - 2
        while index >= 0 {
            if bytes[index] == UInt8(ascii: "\n") && bytes[index + 1] == UInt8(ascii: "\n") {
                return index
            }
            index -= 1
        }
        return nil
    }
}
