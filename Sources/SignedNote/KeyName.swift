/// The rules for signer key names shared by note signatures, verifier keys and signer keys.
///
/// C2SP signed-note: a key name is non-empty and contains neither Unicode spaces nor `+`.
/// Control characters are refused too, since a note may not contain them.
enum KeyName {
    static func isValid(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar != "+" && scalar.value >= 0x20 && !scalar.properties.isWhitespace
        }
    }

    static func validate(_ name: some StringProtocol) throws(NoteError) {
        guard isValid(name) else {
            throw NoteError(.invalidKeyName, "key name \(String(reflecting: String(name))) is empty or contains whitespace, '+' or a control character")
        }
    }
}
