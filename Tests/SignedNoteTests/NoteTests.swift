import Foundation
import SignedNote
import Testing

@Suite struct NoteTests {
    static let goText = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"

    @Test(arguments: Fixture.allNotes)
    func formattingAParsedNoteGivesBackItsBytes(name: String) throws {
        let bytes = try Fixture.bytes(name)
        let note = try Note(parsing: bytes)
        #expect(Array(note.formatted.utf8) == bytes)
        #expect(try Note(parsing: note.formatted) == note)
    }

    @Test func goExampleSplitsIntoBodyAndSignature() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter-enoch.note"))
        #expect(note.body == Self.goText)
        #expect(note.signatures.map(\.name) == ["PeterNeumann", "EnochRoot"])
        #expect(note.signatures.map(\.keyHint) == [0xc74f_20a3, 0xaf0c_fe78])
        #expect(note.signatures.allSatisfy { $0.signature.count == 64 })
    }

    @Test func bodySplitsAtTheLastBlankLine() throws {
        let note = try Note(parsing: try Fixture.text("c2sp-signed-note-quasimodo.note"))
        #expect(note.body == "Ognuno sta solo sul cuor della terra\ntrafitto da un raggio di sole:\n\ned è subito sera.\n")
        #expect(note.signatures.count == 1)
        #expect(note.signatures[0].name == "quasimodo.example/salvatore")
    }

    @Test func unknownSignatureLinesAreKept() throws {
        let note = try Note(parsing: try Fixture.text("arche2025h1-witnessed.note"))
        #expect(note.signatures.count == 6)
        // The first line is an RFC 6962 tree head signature (type 0x05), which nothing here verifies.
        #expect(note.signatures[0].signature.count > 64)
    }

    static let peterLine = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"

    /// Malformed notes and the error each must produce (mostly the invalid messages of
    /// golang.org/x/mod `sumdb/note` `TestOpen`, plus the rules of C2SP signed-note).
    static let malformed: [MalformedNote] = [
        MalformedNote("body only", goText, .malformedNote),
        MalformedNote("blank line but no signatures", goText + "\n", .malformedNote),
        MalformedNote("signature without final newline", goText + "\n" + String(peterLine.dropLast()), .malformedNote),
        MalformedNote("control character", "\u{01}" + goText + "\n" + peterLine, .malformedNote),
        MalformedNote("CRLF line endings", goText.replacingOccurrences(of: "\n", with: "\r\n") + "\r\n" + peterLine, .malformedNote),
        MalformedNote("tab", "a\tb\n\n" + peterLine, .malformedNote),
        MalformedNote("missing blank line", goText + peterLine, .malformedNote),
        MalformedNote("empty body", "\n" + peterLine, .malformedNote),
        MalformedNote("body of newlines only", "\n\n" + peterLine, .malformedNote),
        MalformedNote("space in key name", goText + "\n— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", .malformedSignature),
        MalformedNote("plus in key name", goText + "\n— Peter+Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", .invalidKeyName),
        MalformedNote("no-break space in key name", goText + "\n— Peter\u{00A0}Neumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", .invalidKeyName),
        MalformedNote("empty key name", goText + "\n—  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", .invalidKeyName),
        MalformedNote("unexpected line after signatures", goText + "\n" + peterLine + "Unexpected line.\n", .malformedSignature),
        MalformedNote("hyphen instead of em dash", goText + "\n- PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", .malformedSignature),
        MalformedNote("no signature after name", goText + "\n— PeterNeumann\n", .malformedSignature),
        MalformedNote("empty signature", goText + "\n— PeterNeumann \n", .malformedSignature),
        MalformedNote("invalid base64", goText + "\n— PeterNeumann x08go/ZJkuBS9UG!\n", .malformedSignature),
        MalformedNote("unpadded base64", goText + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM\n", .malformedSignature),
        MalformedNote("non-zero trailing bits", goText + "\n— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAN=\n", .malformedSignature),
        MalformedNote("four-byte signature", goText + "\n— PeterNeumann x08gow==\n", .malformedSignature),
        MalformedNote("extra space", goText + "\n— PeterNeumann  x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n", .malformedSignature),
        MalformedNote("101 signatures", goText + "\n" + String(repeating: peterLine, count: 101), .tooManySignatures),
    ]

    @Test(arguments: malformed)
    func malformedNotesAreRejected(_ example: MalformedNote) {
        let error = #expect(throws: NoteError.self) { try Note(parsing: example.text) }
        #expect(error?.code == example.code, "\(error.map(String.init(describing:)) ?? "no error")")
    }

    @Test func oneHundredSignaturesAreAccepted() throws {
        let note = try Note(parsing: Self.goText + "\n" + String(repeating: Self.peterLine, count: 100))
        #expect(note.signatures.count == 100)
    }

    @Test func invalidUTF8IsRejected() {
        let bytes: [UInt8] = [0xFF] + Array((Self.goText + "\n" + Self.peterLine).utf8)
        let error = #expect(throws: NoteError.self) { try Note(parsing: bytes) }
        #expect(error?.code == .malformedNote)
    }

    @Test func notesOverOneMebibyteAreRejected() {
        let line = String(repeating: "a", count: 1023) + "\n"
        let text = String(repeating: line, count: 1025) + "\n" + Self.peterLine
        let error = #expect(throws: NoteError.self) { try Note(parsing: text) }
        #expect(error?.code == .noteTooLarge)
    }

    @Test(arguments: ["", "no newline", "\n", "\n\n", "tab\there\n", "cr\r\n"])
    func bodiesThatCannotBeSignedAreRejected(body: String) {
        let error = #expect(throws: NoteError.self) { try Note(body: body) }
        #expect(error?.code == .malformedNote)
    }

    @Test func signatureLinesFormatLikeTheGoPackage() throws {
        let note = try Note(parsing: try Fixture.text("go-note-peter.note"))
        let signature = try NoteSignature(name: "PeterNeumann", keyHint: 0xc74f_20a3, signature: note.signatures[0].signature)
        #expect(signature.line + "\n" == Self.peterLine)
        #expect(throws: NoteError.self) { try NoteSignature(name: "a b", keyHint: 0, signature: [1]) }
        #expect(throws: NoteError.self) { try NoteSignature(name: "ab", keyHint: 0, signature: []) }
    }
}

/// A note that must not parse, and the error code it must produce.
struct MalformedNote: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let code: NoteError.Code

    init(_ label: String, _ text: String, _ code: NoteError.Code) {
        self.label = label
        self.text = text
        self.code = code
    }

    var testDescription: String { label }
}
