/// Produces note signatures with one key.
public protocol NoteSigner: Sendable {
    /// The key name written on the signature line.
    var name: String { get }
    /// The 32-bit key hint written before the signature bytes.
    var keyHint: UInt32 { get }
    /// Signs `message` (the note body) and returns the bytes that follow the key hint.
    func signature(for message: [UInt8]) async throws -> [UInt8]
}
